package io.thingtank.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test, started as its own process on loopback so that ThingTank and its peer
 * get the same treatment (own JVM, same client in the bench JVM). Closing kills it.
 */
final class Peer implements AutoCloseable {
  final String name;
  final Process process;
  final URI endpoint;
  final long startMillis;
  /** The ports the process listens on, by flag name without dashes (e.g. "web-port"); may be empty. */
  final Map<String, Integer> ports;

  private Peer(String name, Process process, URI endpoint, long startMillis, Map<String, Integer> ports) {
    this.name = name;
    this.process = process;
    this.endpoint = endpoint;
    this.startMillis = startMillis;
    this.ports = ports;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

  /** ThingTank's own server jar, as `./thingtank serve` runs it, with every port on a free one. */
  static Peer thingTank(Path root, Path dataDir, int awsPort) throws Exception {
    return thingTank(root, dataDir, awsPort, List.of());
  }

  /** As {@link #thingTank(Path, Path, int)} with extra serve flags (e.g. {@code --dev}); {@link #ports} says where. */
  static Peer thingTank(Path root, Path dataDir, int awsPort, List<String> extraFlags) throws Exception {
    Path serverTarget = root.resolve("server/target");
    String jar;
    try (var s = Files.list(serverTarget)) {
      jar = s.map(Path::toString).filter(p -> p.matches(".*thingtank-server-[^/]*\\.jar") && !p.contains("tests"))
          .findFirst().orElseThrow(() -> new IllegalStateException("build the server first: ./thingtank build"));
    }
    // The flags ./thingtank uses: server/jvm.options and the class data sharing archive beside the jar.
    List<String> cmd = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED",
        "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + serverTarget.resolve("thingtank.jsa")));
    cmd.addAll(jvmOptions(root));
    // BENCH_SERVER_OPTS: extra JVM flags for the server under test (e.g. a JFR recording).
    String extra = System.getenv("BENCH_SERVER_OPTS");
    if (extra != null && !extra.isBlank()) cmd.addAll(List.of(extra.trim().split("\\s+")));
    cmd.addAll(List.of("-cp", jar + ":" + serverTarget.resolve("lib") + "/*",
        "io.thingtank.server.Main", "serve", "--host", "127.0.0.1", "--data-dir", dataDir.toString(),
        "--aws-port", String.valueOf(awsPort)));
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("aws-port", awsPort);
    for (String flag : List.of("--web-port", "--devices-port", "--mqtt-port", "--rawsocket-port", "--coap-port")) {
      int port = freePort();
      ports.put(flag.substring(2), port);
      cmd.add(flag);
      cmd.add(String.valueOf(port));
    }
    cmd.addAll(extraFlags);
    return start("thingtank", cmd, URI.create("http://127.0.0.1:" + awsPort), "/_thingtank/health", dataDir, ports);
  }

  /** The server's JVM flags from {@code server/jvm.options} (comments and blank lines skipped). */
  private static List<String> jvmOptions(Path root) throws java.io.IOException {
    return Files.readAllLines(root.resolve("server/jvm.options")).stream().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  /** fox-wamp (npm, installed under bench/peers/fox-wamp by bench/run.sh), WAMP at ws://127.0.0.1:port/ws. */
  static Peer foxWamp(Path root, Path workDir, int port) throws Exception {
    Path dir = root.resolve("bench/peers/fox-wamp");
    if (!Files.isDirectory(dir.resolve("node_modules/fox-wamp"))) {
      throw new IllegalStateException("run bench/run.sh wamp-pubsub (it installs fox-wamp with npm) first");
    }
    List<String> cmd = List.of("node", dir.resolve("router.js").toString(), String.valueOf(port));
    return start("fox-wamp", cmd, URI.create("http://127.0.0.1:" + port), "/", workDir, Map.of("web-port", port));
  }

  /** Debian's mosquitto on a free loopback port, anonymous, with a generated config. */
  static Peer mosquitto(Path workDir, int port) throws Exception {
    Files.createDirectories(workDir);
    Path conf = workDir.resolve("mosquitto.conf");
    Files.writeString(conf, """
        listener %d 127.0.0.1
        allow_anonymous true
        persistence false
        max_queued_messages 100000
        max_inflight_messages 100
        log_type error
        """.formatted(port));
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(mosquittoBinary(), "-c", conf.toString()).redirectErrorStream(true)
        .redirectOutput(workDir.resolve("mosquitto.log").toFile()).start();
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      if (!p.isAlive()) throw new IllegalStateException("mosquitto exited; see " + workDir.resolve("mosquitto.log"));
      try (Socket s = new Socket("127.0.0.1", port)) {
        return new Peer("mosquitto", p, URI.create("tcp://127.0.0.1:" + port), (System.nanoTime() - t0) / 1_000_000,
            Map.of("mqtt-port", port));
      } catch (IOException e) {
        Thread.sleep(20);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("mosquitto did not listen within 30 s");
  }

  /** ElasticMQ from Maven Central; its class path is resolved by bench/peer.sh. */
  static Peer elasticMq(Path root, Path workDir, int port) throws Exception {
    Path cpFile = root.resolve("bench/peers/elasticmq/target/classpath.txt");
    if (!Files.exists(cpFile)) throw new IllegalStateException("run bench/peer.sh elasticmq first");
    Files.createDirectories(workDir);
    Path conf = workDir.resolve("elasticmq.conf");
    Files.writeString(conf, """
        include classpath("application.conf")
        node-address { protocol = http, host = "127.0.0.1", port = %d, context-path = "" }
        rest-sqs { enabled = true, bind-port = %d, bind-hostname = "127.0.0.1", sqs-limits = strict }
        rest-stats.enabled = false
        """.formatted(port, port));
    List<String> cmd = List.of(java(), "-Xms64m", "-Dconfig.file=" + conf, "-cp", Files.readString(cpFile).trim(),
        "org.elasticmq.server.Main");
    return start("elasticmq", cmd, URI.create("http://127.0.0.1:" + port), "/?Action=ListQueues", workDir, Map.of());
  }

  /**
   * s3proxy 2.9.0 from Maven Central (class path resolved by bench/run.sh) with the jclouds
   * filesystem backend under {@code workDir/blobs}, SigV2-or-V4 auth for one identity, logging at WARN.
   */
  static Peer s3proxy(Path root, Path workDir, int port, String identity, String credential) throws Exception {
    Path cpFile = root.resolve("bench/peers/s3proxy/target/classpath.txt");
    if (!Files.exists(cpFile)) throw new IllegalStateException("run bench/run.sh s3-small (it resolves s3proxy) first");
    Files.createDirectories(workDir.resolve("blobs"));
    Path conf = workDir.resolve("s3proxy.conf");
    Files.writeString(conf, """
        s3proxy.endpoint=http://127.0.0.1:%d
        s3proxy.authorization=aws-v2-or-v4
        s3proxy.identity=%s
        s3proxy.credential=%s
        jclouds.provider=filesystem
        jclouds.filesystem.basedir=%s
        """.formatted(port, identity, credential, workDir.resolve("blobs")));
    // Without a configuration logback logs every request at DEBUG.
    Path logback = workDir.resolve("logback.xml");
    Files.writeString(logback, """
        <configuration>
          <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%d %level %logger %msg%n</pattern></encoder>
          </appender>
          <root level="WARN"><appender-ref ref="out"/></root>
        </configuration>
        """);
    List<String> cmd = List.of(java(), "-Xms64m", "-Dlogback.configurationFile=" + logback, "-cp",
        Files.readString(cpFile).trim(), "org.gaul.s3proxy.Main", "--properties", conf.toString());
    return start("s3proxy", cmd, URI.create("http://127.0.0.1:" + port), "/", workDir, Map.of());
  }

  private static Peer start(String name, List<String> cmd, URI endpoint, String probe, Path logDir,
      Map<String, Integer> ports) throws Exception {
    long t0 = System.nanoTime();
    Files.createDirectories(logDir);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(logDir.resolve(name + ".log").toFile()).start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      if (!p.isAlive()) throw new IllegalStateException(name + " exited; see " + logDir.resolve(name + ".log"));
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint.resolve(probe)).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() < 500 && (!name.equals("thingtank") || bannerPrinted(logDir.resolve(name + ".log")))) {
          return new Peer(name, p, endpoint, (System.nanoTime() - t0) / 1_000_000, ports);
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    p.destroyForcibly();
    throw new IllegalStateException(name + " did not answer within 60 s");
  }

  /** Debian installs mosquitto in /usr/sbin, which is not always on PATH. */
  static String mosquittoBinary() {
    return Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
  }

  /** ThingTank prints its banner once every module (every listener) is up. */
  private static boolean bannerPrinted(Path log) throws IOException {
    return Files.readString(log).contains("ThingTank is up");
  }

  /** Resident memory of the process in MiB (Linux /proc). */
  /** CPU time (user + system) the process has used so far, in ms (Linux /proc, clock ticks of 10 ms). */
  /** CPU time of this bench process (the clients), in ms. */
  static long benchCpuMillis() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
  }

  long cpuMillis() throws IOException {
    String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
  }

  long residentMiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
    }
    return -1;
  }

  /**
   * Java heap in use after a full GC, in MiB, from {@code jcmd <pid> GC.heap_info} (-1 if the
   * process is not a JVM or jcmd fails).
   */
  long heapUsedAfterGcMiB() throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    run(jcmd.toString(), String.valueOf(process.pid()), "GC.run");
    Matcher m = Pattern.compile("used (\\d+)K").matcher(run(jcmd.toString(), String.valueOf(process.pid()), "GC.heap_info"));
    return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
  }

  private static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    return out;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

package io.thingtank.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A server under test, started as its own process on loopback so that ThingTank and its peer
 * get the same treatment (own JVM, same client in the bench JVM). Closing kills it.
 */
final class Peer implements AutoCloseable {
  final String name;
  final Process process;
  final URI endpoint;
  final long startMillis;

  private Peer(String name, Process process, URI endpoint, long startMillis) {
    this.name = name;
    this.process = process;
    this.endpoint = endpoint;
    this.startMillis = startMillis;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

  /** ThingTank's own server jar, as `./thingtank serve` runs it, with every port on a free one. */
  static Peer thingTank(Path root, Path dataDir, int awsPort) throws Exception {
    Path serverTarget = root.resolve("server/target");
    String jar;
    try (var s = Files.list(serverTarget)) {
      jar = s.map(Path::toString).filter(p -> p.matches(".*thingtank-server-[^/]*\\.jar") && !p.contains("tests"))
          .findFirst().orElseThrow(() -> new IllegalStateException("build the server first: ./thingtank build"));
    }
    List<String> cmd = new ArrayList<>(List.of(java(), "-Xms64m", "-cp", jar + ":" + serverTarget.resolve("lib") + "/*",
        "io.thingtank.server.Main", "serve", "--host", "127.0.0.1", "--data-dir", dataDir.toString(),
        "--aws-port", String.valueOf(awsPort)));
    for (String flag : List.of("--web-port", "--devices-port", "--mqtt-port", "--rawsocket-port", "--coap-port")) {
      cmd.add(flag);
      cmd.add(String.valueOf(freePort()));
    }
    return start("thingtank", cmd, URI.create("http://127.0.0.1:" + awsPort), "/_thingtank/health", dataDir);
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
    return start("elasticmq", cmd, URI.create("http://127.0.0.1:" + port), "/?Action=ListQueues", workDir);
  }

  private static Peer start(String name, List<String> cmd, URI endpoint, String probe, Path logDir) throws Exception {
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
          return new Peer(name, p, endpoint, (System.nanoTime() - t0) / 1_000_000);
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    p.destroyForcibly();
    throw new IllegalStateException(name + " did not answer within 60 s");
  }

  /** ThingTank prints its banner once every module (every listener) is up. */
  private static boolean bannerPrinted(Path log) throws IOException {
    return Files.readString(log).contains("ThingTank is up");
  }

  /** Resident memory of the process in MiB (Linux /proc). */
  long residentMiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
    }
    return -1;
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

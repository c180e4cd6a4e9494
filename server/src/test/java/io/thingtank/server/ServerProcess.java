package io.thingtank.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real server as a child process (same class path as the test), for kill -9 and CLI tests. */
final class ServerProcess implements AutoCloseable {
  final Process process;
  final List<String> output = new CopyOnWriteArrayList<>();
  final int awsPort;
  private final Thread reader;

  private ServerProcess(Process process, int awsPort) {
    this.process = process;
    this.awsPort = awsPort;
    reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) output.add(line);
      } catch (IOException ignored) {
        // process ended
      }
    }, "server-output");
    reader.setDaemon(true);
    reader.start();
  }

  static ProcessBuilder command(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true);
  }

  /** Starts {@code serve} on free loopback ports and waits for the banner. */
  static ServerProcess serve(Path dataDir, String... extra) throws Exception {
    int aws = freePort();
    List<String> args = new ArrayList<>(List.of("serve", "--host", "127.0.0.1", "--data-dir", dataDir.toString(),
        "--aws-port", String.valueOf(aws)));
    for (String flag : List.of("--web-port", "--devices-port", "--mqtt-port", "--rawsocket-port", "--coap-port")) {
      args.add(flag);
      args.add(String.valueOf(freePort()));
    }
    args.addAll(List.of(extra));
    ServerProcess s = new ServerProcess(command(args.toArray(String[]::new)).start(), aws);
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      if (s.output.stream().anyMatch(l -> l.startsWith("ThingTank is up"))) {
        Thread.sleep(100);
        return s;
      }
      if (!s.process.isAlive()) throw new IllegalStateException("server exited: " + String.join("\n", s.output));
      Thread.sleep(50);
    }
    s.kill9();
    throw new IllegalStateException("server did not start: " + String.join("\n", s.output));
  }

  /** Waits until the process has exited and all its output has been read. */
  boolean awaitExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) return false;
    reader.join(TimeUnit.SECONDS.toMillis(seconds));
    return !reader.isAlive();
  }

  String bannerValue(String name) {
    Pattern p = Pattern.compile("export " + name + "=(\\S+)");
    for (String l : output) {
      Matcher m = p.matcher(l);
      if (m.find()) return m.group(1);
    }
    throw new IllegalStateException(name + " not in banner: " + output);
  }

  String endpoint() { return "http://127.0.0.1:" + awsPort; }

  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) kill9();
  }
}

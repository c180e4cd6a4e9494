package io.thingtank.wamp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an interop client (Debian python3, node) with a time bound and captures its output. */
final class ExternalClient {
  static final Path MODULE = Path.of(System.getProperty("user.dir"));

  record Run(int exit, String output) {}

  static Run run(long timeoutSeconds, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Process p = pb.start();
    p.getOutputStream().close();
    StringBuilder out = new StringBuilder();
    Thread reader = new Thread(() -> {
      try {
        out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException ignored) {
        // the process died; what was read is kept
      }
    });
    reader.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor(5, TimeUnit.SECONDS);
    }
    reader.join(5000);
    return new Run(p.isAlive() ? -1 : p.exitValue(), out.toString());
  }

  static Run python(String script, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3",
        MODULE.resolve("src/test/python").resolve(script).toString()));
    cmd.addAll(List.of(args));
    return run(60, cmd.toArray(String[]::new));
  }

  static Run node(String script, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("node", MODULE.resolve("src/test/node").resolve(script).toString()));
    cmd.addAll(List.of(args));
    return run(60, cmd.toArray(String[]::new));
  }
}

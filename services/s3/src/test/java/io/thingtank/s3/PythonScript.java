package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a client script of {@code src/test/python} with the machine python against a node, and checks it said OK. */
final class PythonScript {
  private PythonScript() {}

  static void run(S3TestNode tt, String script, Path work) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("python3", Path.of("src/test/python", script).toAbsolutePath().toString(),
        tt.endpoint(), work.toString()).redirectErrorStream(true);
    pb.environment().remove("AWS_CA_BUNDLE");
    pb.environment().remove("AWS_PROFILE");
    pb.environment().put("AWS_ACCESS_KEY_ID", tt.key.accessKeyId());
    pb.environment().put("AWS_SECRET_ACCESS_KEY", tt.key.secretAccessKey());
    pb.environment().put("AWS_CONFIG_FILE", work.resolve("none").toString());
    pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("none").toString());
    Process p = pb.start();
    boolean done = p.waitFor(240, TimeUnit.SECONDS);
    if (!done) p.destroyForcibly();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.println(out);
    assertThat(done).as(out).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("OK");
  }
}

package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** boto3 upload_file/download_file (s3transfer multipart, default checksums) and the AWS CLI, run by the machine python. */
class S3PythonClientsIT {
  @TempDir static Path dir;
  @TempDir static Path work;
  static S3TestNode tt;

  @BeforeAll static void start() { tt = new S3TestNode(dir); }

  @AfterAll static void stop() { tt.close(); }

  @Test void boto3AndAwsCli() throws Exception {
    ProcessBuilder pb = new ProcessBuilder("python3", Path.of("src/test/python/s3_clients.py").toAbsolutePath().toString(),
        tt.endpoint(), work.toString()).redirectErrorStream(true);
    pb.environment().remove("AWS_CA_BUNDLE");
    pb.environment().remove("AWS_PROFILE");
    pb.environment().put("AWS_ACCESS_KEY_ID", tt.key.accessKeyId());
    pb.environment().put("AWS_SECRET_ACCESS_KEY", tt.key.secretAccessKey());
    pb.environment().put("AWS_CONFIG_FILE", work.resolve("none").toString());
    pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("none").toString());
    Process p = pb.start();
    boolean done = p.waitFor(240, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) p.destroyForcibly();
    System.out.println(out);
    assertThat(done).isTrue();
    assertThat(out).contains("OK");
    assertThat(p.exitValue()).as(out).isZero();
  }
}

package io.thingtank.sqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * boto3, the AWS CLI and botocore-signed query-protocol requests (src/test/python/sqs_clients.py)
 * against a real node, run with the machine Python.
 */
@Timeout(180)
class SqsPythonClientsIT {
  @TempDir Path dir;

  /** The machine Python if it has boto3, else Debian's (scripts/deps/sqs.sh installs python3-boto3 for it). */
  private static String python() throws InterruptedException {
    try {
      Process p = new ProcessBuilder("python", "-c", "import boto3").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) return "python";
    } catch (IOException e) {
      // no python on PATH
    }
    return "/usr/bin/python3";
  }

  @Test
  void boto3QueryAndCliFlows() throws IOException, InterruptedException {
    try (SqsServer server = new SqsServer(dir)) {
      ProcessBuilder pb = new ProcessBuilder(python(), Path.of("src/test/python/sqs_clients.py").toAbsolutePath().toString(),
          server.endpoint()).redirectErrorStream(true);
      Map<String, String> env = pb.environment();
      env.remove("AWS_CA_BUNDLE");
      env.remove("AWS_PROFILE");
      env.put("AWS_ACCESS_KEY_ID", server.key().accessKeyId());
      env.put("AWS_SECRET_ACCESS_KEY", server.key().secretAccessKey());
      env.put("AWS_DEFAULT_REGION", "us-east-1");
      env.put("AWS_REGION", "us-east-1");
      Process p = pb.start();
      boolean done = p.waitFor(150, TimeUnit.SECONDS);
      if (!done) p.destroyForcibly();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(done).as(out).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("ok boto3 seed flow", "ok boto3 QueueDoesNotExist", "ok boto3 fifo dedup",
          "ok query send/receive", "ok query error code", "ok cli flow");
    }
  }
}

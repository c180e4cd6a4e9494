package io.thingtank.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** The real server process: banner, credentials, kill -9 durability, clean SIGTERM, key management. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServerProcessIT {
  @TempDir Path data;

  @Test
  void acknowledgedMessagesSurviveKillDashNine() throws Exception {
    // GIVEN a server that acknowledged 100 messages
    String keyId, secret;
    try (ServerProcess s = ServerProcess.serve(data)) {
      keyId = s.bannerValue("AWS_ACCESS_KEY_ID");
      secret = s.bannerValue("AWS_SECRET_ACCESS_KEY");
      try (SqsClient sqs = client(s.endpoint(), keyId, secret)) {
        String url = sqs.createQueue(b -> b.queueName("durable")).queueUrl();
        for (int i = 0; i < 100; i++) {
          int n = i;
          sqs.sendMessage(b -> b.queueUrl(url).messageBody("m" + n));
        }
      }
      // WHEN it is killed without warning
      s.kill9();
    }
    // THEN a new server on the same data dir has every message, with the same key
    try (ServerProcess s = ServerProcess.serve(data); SqsClient sqs = client(s.endpoint(), keyId, secret)) {
      assertThat(s.bannerValue("AWS_ACCESS_KEY_ID")).isEqualTo(keyId);
      String url = sqs.getQueueUrl(b -> b.queueName("durable")).queueUrl();
      Set<String> bodies = new HashSet<>();
      for (int tries = 0; tries < 50 && bodies.size() < 100; tries++) {
        for (Message m : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()) {
          bodies.add(m.body());
          sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
        }
      }
      assertThat(bodies).hasSize(100);
    }
  }

  @Test
  void rejectsBadSignaturesAndUnsignedRequests() throws Exception {
    try (ServerProcess s = ServerProcess.serve(data)) {
      try (SqsClient wrong = client(s.endpoint(), s.bannerValue("AWS_ACCESS_KEY_ID"), "wrong-secret")) {
        assertThatThrownBy(wrong::listQueues).isInstanceOfSatisfying(SqsException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch"));
      }
      try (SqsClient unknown = client(s.endpoint(), "AKIAUNKNOWNUNKNOWN00", "x")) {
        assertThatThrownBy(unknown::listQueues).isInstanceOfSatisfying(SqsException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
      }
      HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(s.endpoint() + "/?Action=ListQueues&Version=2012-11-05")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(unsigned.statusCode()).isEqualTo(403);
      assertThat(unsigned.body()).contains("<Code>MissingAuthenticationToken</Code>");
    }
  }

  @Test
  void keysCreatedFromTheCliWorkAgainstTheRunningServer() throws Exception {
    try (ServerProcess s = ServerProcess.serve(data)) {
      Process p = ServerProcess.command("keys", "--data-dir", data.toString(), "create", "--description", "ci").start();
      String out = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor()).isZero();
      String id = out.replaceAll("(?s).*AWS_ACCESS_KEY_ID=(\\S+).*", "$1");
      String secret = out.replaceAll("(?s).*AWS_SECRET_ACCESS_KEY=(\\S+).*", "$1");
      Thread.sleep(1100);
      try (SqsClient sqs = client(s.endpoint(), id, secret)) {
        assertThat(sqs.listQueues().queueUrls()).isEmpty();
      }
    }
  }

  @Test
  void sigtermStopsCleanlyAndDevModeIsAnnounced() throws Exception {
    ServerProcess s = ServerProcess.serve(data, "--dev");
    assertThat(String.join("\n", s.output)).contains("DEV MODE");
    s.process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
    assertThat(s.awaitExit(30)).isTrue();
    assertThat(s.output).as("exit %d", s.process.exitValue()).contains("ThingTank stopping...", "ThingTank stopped.");
    assertThat(Files.exists(data.resolve("db/CURRENT"))).isTrue();
  }

  @Test
  void damagedDataDirIsRefusedWithAMessage() throws Exception {
    Files.createDirectories(data.resolve("db"));
    Files.writeString(data.resolve("db/CURRENT"), "garbage\n");
    Process p = ServerProcess.command("serve", "--host", "127.0.0.1", "--data-dir", data.toString(),
        "--aws-port", "0", "--web-port", "0", "--devices-port", "0", "--mqtt-port", "0", "--rawsocket-port", "0",
        "--coap-port", "0").start();
    String out = new String(p.getInputStream().readAllBytes()) + new String(p.getErrorStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(out).contains("damaged");
  }

  static SqsClient client(String endpoint, String id, String secret) {
    return SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret)))
        .httpClient(ApacheHttpClient.create()).build();
  }
}

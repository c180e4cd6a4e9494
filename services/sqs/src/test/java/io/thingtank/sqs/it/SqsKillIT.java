package io.thingtank.sqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Every acknowledged send survives kill -9 of the server process (the WAL holds it). */
@Timeout(120)
class SqsKillIT {
  @TempDir Path dir;

  /** A server JVM ({@link SqsServerMain}) and an SDK client for it. */
  private record Child(Process process, SqsClient sqs) {}

  private Child startChild(int port) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SqsServerMain.class.getName(),
        dir.toString(), Integer.toString(port)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
      // skip anything printed before the ready line
    }
    assertThat(line).as("server started").isNotNull();
    String[] f = line.split(" ");
    SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(f[1])).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(f[2], f[3])))
        .httpClientBuilder(ApacheHttpClient.builder()).build();
    return new Child(p, sqs);
  }

  @Test
  void acknowledgedMessagesSurviveKill9() throws Exception {
    int port = SqsServer.freePort();
    Child first = startChild(port);
    Set<String> sent = new HashSet<>();
    String url;
    try {
      // GIVEN 200 acknowledged messages, one of them in flight
      url = first.sqs().createQueue(b -> b.queueName("crash")).queueUrl();
      for (int batch = 0; batch < 20; batch++) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          String body = "m" + (batch * 10 + i);
          entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(body).build());
          sent.add(body);
        }
        String u = url;
        assertThat(first.sqs().sendMessageBatch(b -> b.queueUrl(u).entries(entries)).successful()).hasSize(10);
      }
      String u = url;
      first.sqs().receiveMessage(b -> b.queueUrl(u).visibilityTimeout(600));
    } finally {
      // WHEN the server is killed with SIGKILL
      first.process().destroyForcibly();
      first.process().waitFor(30, TimeUnit.SECONDS);
      first.sqs().close();
    }
    Child second = startChild(port);
    try {
      // THEN after a restart every message is there: 199 visible, 1 still in flight
      String u = url;
      assertThat(second.sqs().getQueueAttributes(b -> b.queueUrl(u).attributeNamesWithStrings("All")).attributesAsStrings())
          .containsEntry("ApproximateNumberOfMessages", "199").containsEntry("ApproximateNumberOfMessagesNotVisible", "1");
      Set<String> received = new HashSet<>();
      for (int round = 0; round < 40 && received.size() < 199; round++) {
        for (Message m : second.sqs().receiveMessage(b -> b.queueUrl(u).maxNumberOfMessages(10)).messages()) {
          received.add(m.body());
        }
      }
      assertThat(received).hasSize(199);
      assertThat(sent).containsAll(received);
    } finally {
      second.process().destroyForcibly();
      second.process().waitFor(30, TimeUnit.SECONDS);
      second.sqs().close();
    }
  }
}

package io.thingtank.sqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/** Long polling over the async SDK client (Netty): a waiting receive answers when a message arrives. */
@Timeout(60)
class SqsLongPollIT {
  @TempDir static Path dir;
  static SqsServer server;

  @BeforeAll static void start() { server = new SqsServer(dir); }

  @AfterAll static void stop() { server.close(); }

  @Test
  void aWaitingReceiveIsWokenBySend() throws Exception {
    SqsAsyncClient sqs = server.async();
    String url = sqs.createQueue(b -> b.queueName("poll")).get().queueUrl();
    // GIVEN a receive waiting up to 20 s on an empty queue
    long start = System.nanoTime();
    CompletableFuture<ReceiveMessageResponse> waiting = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20));
    Thread.sleep(300);
    assertThat(waiting).isNotDone();
    // WHEN a message is sent
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("wake up")).get();
    // THEN the receive answers with it well before its wait time is over
    ReceiveMessageResponse r = waiting.get(15, TimeUnit.SECONDS);
    assertThat(r.messages()).hasSize(1);
    assertThat(r.messages().getFirst().body()).isEqualTo("wake up");
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(15);
  }

  @Test
  void aWaitingReceiveGetsADelayedMessageWhenItBecomesVisible() throws Exception {
    SqsAsyncClient sqs = server.async();
    String url = sqs.createQueue(b -> b.queueName("delayed")).get().queueUrl();
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("later").delaySeconds(1)).get();
    assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).get().messages()).isEmpty();
    ReceiveMessageResponse r = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(10)).get(15, TimeUnit.SECONDS);
    assertThat(r.messages()).extracting(m -> m.body()).containsExactly("later");
  }

  @Test
  void anEmptyQueueAnswersEmptyAfterTheWait() throws Exception {
    SqsAsyncClient sqs = server.async();
    String url = sqs.createQueue(b -> b.queueName("quiet")).get().queueUrl();
    assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).get(10, TimeUnit.SECONDS).messages()).isEmpty();
  }
}

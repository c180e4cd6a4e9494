package io.thingtank.sqs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingtank.core.ManualClock;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;

/**
 * The time rules over the SDK with the node on a {@link ManualClock}: visibility timeouts,
 * retention, the 5-minute FIFO deduplication interval and PurgeQueue's 60 s.
 */
@Timeout(60)
class SqsClockIT {
  @TempDir static Path dir;
  // SigV4 allows 15 minutes of skew: the manual clock starts at the real time and moves less than that.
  static final ManualClock clock = new ManualClock(System.currentTimeMillis());
  static SqsServer server;
  static SqsClient sqs;

  @BeforeAll static void start() {
    server = new SqsServer(dir, clock);
    sqs = server.sync();
  }

  @AfterAll static void stop() { server.close(); }

  @Test
  void visibilityTimeoutAndRetention() {
    String url = sqs.createQueue(b -> b.queueName("timed").attributesWithStrings(Map.of("MessageRetentionPeriod", "120")))
        .queueUrl();
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("short-lived"));
    assertThat(sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(40)).messages()).hasSize(1);
    clock.advance(39_000);
    assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
    clock.advance(1_000);
    Message again = sqs.receiveMessage(b -> b.queueUrl(url).messageSystemAttributeNamesWithStrings("All")).messages().getFirst();
    assertThat(again.attributesAsStrings()).containsEntry("ApproximateReceiveCount", "2");
    clock.advance(80_000);
    assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("All")).attributesAsStrings())
        .containsEntry("ApproximateNumberOfMessages", "0").containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
  }

  @Test
  void deduplicationLastsFiveMinutesAndPurgeSixtySeconds() {
    String url = sqs.createQueue(b -> b.queueName("timed.fifo").attributesWithStrings(Map.of("FifoQueue", "true",
        "ContentBasedDeduplication", "true"))).queueUrl();
    String first = sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageGroupId("g")).messageId();
    clock.advance(299_000);
    assertThat(sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageGroupId("g")).messageId()).isEqualTo(first);
    clock.advance(1_000);
    assertThat(sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageGroupId("g")).messageId()).isNotEqualTo(first);
    sqs.purgeQueue(b -> b.queueUrl(url));
    clock.advance(59_000);
    assertThatThrownBy(() -> sqs.purgeQueue(b -> b.queueUrl(url))).isInstanceOf(PurgeQueueInProgressException.class);
    clock.advance(1_000);
    sqs.purgeQueue(b -> b.queueUrl(url));
  }
}

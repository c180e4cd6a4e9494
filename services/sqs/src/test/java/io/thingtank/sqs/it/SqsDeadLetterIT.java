package io.thingtank.sqs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** RedrivePolicy moves, ListDeadLetterSourceQueues and the redrive back (StartMessageMoveTask). */
@Timeout(60)
class SqsDeadLetterIT {
  @TempDir static Path dir;
  static SqsServer server;
  static SqsClient sqs;

  @BeforeAll static void start() {
    server = new SqsServer(dir);
    sqs = server.sync();
  }

  @AfterAll static void stop() { server.close(); }

  private static String arn(String url) {
    return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("QueueArn")).attributesAsStrings()
        .get("QueueArn");
  }

  @Test
  void aMessageReceivedTooOftenMovesToTheDeadLetterQueueAndBack() {
    // GIVEN a source queue that dead-letters after 2 receives
    String dlq = sqs.createQueue(b -> b.queueName("dlq")).queueUrl();
    String dlqArn = arn(dlq);
    String src = sqs.createQueue(b -> b.queueName("work").attributesWithStrings(Map.of("RedrivePolicy",
        "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"))).queueUrl();
    assertThat(sqs.listDeadLetterSourceQueues(b -> b.queueUrl(dlq)).queueUrls()).containsExactly(src);
    sqs.sendMessage(b -> b.queueUrl(src).messageBody("poison"));
    // WHEN it is received twice without being deleted (visibility 0 puts it back at once)
    for (int i = 0; i < 2; i++) {
      assertThat(sqs.receiveMessage(b -> b.queueUrl(src).visibilityTimeout(0)).messages()).hasSize(1);
    }
    // THEN the third receive finds nothing in the source and the message is in the DLQ
    assertThat(sqs.receiveMessage(b -> b.queueUrl(src)).messages()).isEmpty();
    Message dead = sqs.receiveMessage(b -> b.queueUrl(dlq).visibilityTimeout(0)
        .messageSystemAttributeNamesWithStrings("All")).messages().getFirst();
    assertThat(dead.body()).isEqualTo("poison");
    assertThat(dead.attributesAsStrings()).containsEntry("DeadLetterQueueSourceArn", arn(src));
    // WHEN a move task redrives the DLQ, the message returns to its source queue
    String task = sqs.startMessageMoveTask(b -> b.sourceArn(dlqArn)).taskHandle();
    assertThat(task).isNotBlank();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(sqs.listMessageMoveTasks(b -> b.sourceArn(dlqArn)).results().getFirst().status()).isEqualTo("COMPLETED"));
    assertThat(sqs.listMessageMoveTasks(b -> b.sourceArn(dlqArn)).results().getFirst().approximateNumberOfMessagesMoved())
        .isEqualTo(1L);
    assertThat(sqs.receiveMessage(b -> b.queueUrl(src)).messages()).extracting(Message::body).containsExactly("poison");
  }

  @Test
  void aSlowMoveTaskCanBeCancelled() {
    String dlq = sqs.createQueue(b -> b.queueName("dlq-slow")).queueUrl();
    String dlqArn = arn(dlq);
    sqs.createQueue(b -> b.queueName("src-slow").attributesWithStrings(Map.of("RedrivePolicy",
        "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":1}")));
    String dest = sqs.createQueue(b -> b.queueName("dest-slow")).queueUrl();
    sqs.sendMessageBatch(b -> b.queueUrl(dlq).entries(List.of(
        SendMessageBatchRequestEntry.builder().id("a").messageBody("1").build(),
        SendMessageBatchRequestEntry.builder().id("b").messageBody("2").build(),
        SendMessageBatchRequestEntry.builder().id("c").messageBody("3").build())));
    // GIVEN a task moving one message a second to an explicit destination
    String task = sqs.startMessageMoveTask(b -> b.sourceArn(dlqArn).destinationArn(arn(dest)).maxNumberOfMessagesPerSecond(1))
        .taskHandle();
    assertThatThrownBy(() -> sqs.startMessageMoveTask(b -> b.sourceArn(dlqArn))).isInstanceOf(SqsException.class);
    // WHEN it is cancelled right away
    sqs.cancelMessageMoveTask(b -> b.taskHandle(task));
    // THEN it ends CANCELLED with messages left in the dead-letter queue
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(sqs.listMessageMoveTasks(b -> b.sourceArn(dlqArn).maxResults(10)).results().getFirst().status())
            .isEqualTo("CANCELLED"));
    assertThat(sqs.listMessageMoveTasks(b -> b.sourceArn(dlqArn)).results().getFirst().approximateNumberOfMessagesToMove())
        .isEqualTo(3L);
    assertThat(sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNamesWithStrings("ApproximateNumberOfMessages"))
        .attributesAsStrings().get("ApproximateNumberOfMessages")).isNotEqualTo("0");
  }

  @Test
  void redriveAllowPolicyAndQueueTypeAreChecked() {
    String closed = sqs.createQueue(b -> b.queueName("closed-dlq").attributesWithStrings(Map.of("RedriveAllowPolicy",
        "{\"redrivePermission\":\"denyAll\"}"))).queueUrl();
    String closedArn = arn(closed);
    assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("denied").attributesWithStrings(Map.of("RedrivePolicy",
        "{\"deadLetterTargetArn\":\"" + closedArn + "\",\"maxReceiveCount\":3}")))).isInstanceOf(SqsException.class)
        .hasMessageContaining("not allowed");
    assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("mixed.fifo").attributesWithStrings(Map.of("FifoQueue", "true",
        "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + arn(sqs.createQueue(c -> c.queueName("std-dlq")).queueUrl())
            + "\",\"maxReceiveCount\":3}")))).isInstanceOf(SqsException.class).hasMessageContaining("same type");
    // A source whose dead-letter queue is gone can still be changed otherwise.
    String gone = sqs.createQueue(b -> b.queueName("gone-dlq")).queueUrl();
    String goneArn = arn(gone);
    String orphan = sqs.createQueue(b -> b.queueName("orphan").attributesWithStrings(Map.of("RedrivePolicy",
        "{\"deadLetterTargetArn\":\"" + goneArn + "\",\"maxReceiveCount\":3}"))).queueUrl();
    sqs.deleteQueue(b -> b.queueUrl(gone));
    sqs.tagQueue(b -> b.queueUrl(orphan).tags(Map.of("still", "works")));
    assertThat(sqs.listQueueTags(b -> b.queueUrl(orphan)).tags()).containsEntry("still", "works");
    assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("bad-count").attributesWithStrings(Map.of("RedrivePolicy",
        "{\"deadLetterTargetArn\":\"" + closedArn + "\",\"maxReceiveCount\":1001}")))).isInstanceOf(SqsException.class)
        .hasMessageContaining("maxReceiveCount");
  }
}

package io.thingtank.sqs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** FIFO queues over the SDK: group order, one in-flight batch per group, deduplication, attempt ids. */
@Timeout(60)
class SqsFifoIT {
  @TempDir static Path dir;
  static SqsServer server;
  static SqsClient sqs;

  @BeforeAll static void start() {
    server = new SqsServer(dir);
    sqs = server.sync();
  }

  @AfterAll static void stop() { server.close(); }

  private static String fifo(String name, boolean contentBased) {
    return sqs.createQueue(b -> b.queueName(name + ".fifo").attributesWithStrings(Map.of("FifoQueue", "true",
        "ContentBasedDeduplication", Boolean.toString(contentBased)))).queueUrl();
  }

  @Test
  void groupsAreDeliveredInOrderAndLockedWhileInFlight() {
    String url = fifo("orders", false);
    for (int i = 0; i < 4; i++) {
      int n = i;
      var r = sqs.sendMessage(b -> b.queueUrl(url).messageBody("a" + n).messageGroupId("A").messageDeduplicationId("a" + n));
      assertThat(r.sequenceNumber()).isNotBlank();
      sqs.sendMessage(b -> b.queueUrl(url).messageBody("b" + n).messageGroupId("B").messageDeduplicationId("b" + n));
    }
    // WHEN one consumer takes 3 messages: they come from group A, in order
    List<Message> first = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(3)).messages();
    assertThat(first).extracting(Message::body).containsExactly("a0", "a1", "a2");
    // THEN group A is locked while those are in flight: the next receive gets only group B
    List<Message> second = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
    assertThat(second).extracting(Message::body).containsExactly("b0", "b1", "b2", "b3");
    assertThat(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()).isEmpty();
    // Deleting A's batch unlocks the group for its last message
    for (Message m : first) sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
    assertThat(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages())
        .extracting(Message::body).containsExactly("a3");
  }

  @Test
  void duplicatesWithinFiveMinutesAreAcceptedButNotDelivered() {
    String url = fifo("dedup", true);
    var one = sqs.sendMessage(b -> b.queueUrl(url).messageBody("same").messageGroupId("g"));
    var two = sqs.sendMessage(b -> b.queueUrl(url).messageBody("same").messageGroupId("g"));
    assertThat(two.messageId()).isEqualTo(one.messageId());
    assertThat(two.sequenceNumber()).isEqualTo(one.sequenceNumber());
    var explicit = sqs.sendMessage(b -> b.queueUrl(url).messageBody("same").messageGroupId("g").messageDeduplicationId("x"));
    assertThat(explicit.messageId()).isNotEqualTo(one.messageId());
    List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
        .messageSystemAttributeNamesWithStrings("All")).messages();
    assertThat(got).hasSize(2);
    assertThat(got.getFirst().attributesAsStrings()).containsEntry("MessageGroupId", "g")
        .containsKeys("SequenceNumber", "MessageDeduplicationId");
  }

  @Test
  void aRetriedReceiveWithTheSameAttemptIdGetsTheSameMessages() {
    String url = fifo("attempts", true);
    for (int i = 0; i < 3; i++) {
      int n = i;
      sqs.sendMessage(b -> b.queueUrl(url).messageBody("m" + n).messageGroupId("g" + n));
    }
    List<Message> first = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(2).receiveRequestAttemptId("try-1")).messages();
    List<Message> retry = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(2).receiveRequestAttemptId("try-1")).messages();
    assertThat(retry).extracting(Message::receiptHandle).isEqualTo(new ArrayList<>(first.stream().map(Message::receiptHandle).toList()));
    assertThat(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages())
        .extracting(Message::body).containsExactly("m2");
  }

  static void invalidParameterValue(Throwable e) {
    assertThat(((SqsException) e).awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
  }

  @Test
  void fifoRulesAreEnforced() {
    String url = fifo("rules", false);
    assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageDeduplicationId("d")))
        .isInstanceOf(SqsException.class).hasMessageContaining("MessageGroupId");
    assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageGroupId("g")))
        .isInstanceOf(SqsException.class).satisfies(SqsFifoIT::invalidParameterValue).hasMessageContaining("ContentBasedDeduplication");
    assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").messageGroupId("g")
        .messageDeduplicationId("d").delaySeconds(5))).isInstanceOf(SqsException.class).satisfies(SqsFifoIT::invalidParameterValue);
    assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("nofifo").attributesWithStrings(Map.of("FifoQueue", "true"))))
        .isInstanceOf(SqsException.class).satisfies(SqsFifoIT::invalidParameterValue);
  }
}

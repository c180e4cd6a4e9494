package io.thingtank.sqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

/** Queues, messages, in-flight state and FIFO deduplication survive a restart on the same data directory. */
@Timeout(60)
class SqsRestartIT {
  @TempDir Path dir;

  @Test
  void everythingIsThereAfterARestart() {
    try (SqsServer server = new SqsServer(dir)) {
      // GIVEN queues with visible, in-flight and deduplicated messages
      var sqs = server.sync();
      String url = sqs.createQueue(b -> b.queueName("durable").tags(Map.of("k", "v"))).queueUrl();
      for (int i = 0; i < 5; i++) {
        int n = i;
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("msg " + n));
      }
      Message inFlight = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(600)).messages().getFirst();
      String fifo = sqs.createQueue(b -> b.queueName("durable.fifo").attributesWithStrings(Map.of("FifoQueue", "true",
          "ContentBasedDeduplication", "true"))).queueUrl();
      String firstId = sqs.sendMessage(b -> b.queueUrl(fifo).messageBody("once").messageGroupId("g")).messageId();
      // WHEN the node restarts
      server.restart();
      sqs = server.sync();
      // THEN the queues and their state are back
      assertThat(sqs.listQueues(b -> { }).queueUrls()).hasSize(2);
      assertThat(sqs.listQueueTags(b -> b.queueUrl(url)).tags()).containsEntry("k", "v");
      assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("All")).attributesAsStrings())
          .containsEntry("ApproximateNumberOfMessages", "4").containsEntry("ApproximateNumberOfMessagesNotVisible", "1");
      var after = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
      assertThat(after).extracting(Message::body).doesNotContain(inFlight.body()).hasSize(4);
      String url2 = url;
      sqs.deleteMessage(b -> b.queueUrl(url2).receiptHandle(inFlight.receiptHandle()));
      assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url2).attributeNamesWithStrings("All")).attributesAsStrings())
          .containsEntry("ApproximateNumberOfMessagesNotVisible", "4");
      assertThat(sqs.sendMessage(b -> b.queueUrl(fifo).messageBody("once").messageGroupId("g")).messageId()).isEqualTo(firstId);
      assertThat(sqs.receiveMessage(b -> b.queueUrl(fifo).maxNumberOfMessages(10)).messages()).hasSize(1);
    }
  }
}

package io.thingtank.sqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The seed flow over the AWS SDK for Java v2 (sync, Apache client; it verifies every MD5). */
@Timeout(60)
class SqsSeedFlowIT {
  @TempDir static Path dir;
  static SqsServer server;

  @BeforeAll static void start() { server = new SqsServer(dir); }

  @AfterAll static void stop() { server.close(); }

  @Test
  void createListSendCountReceiveDeleteAll() {
    SqsClient sqs = server.sync();
    // GIVEN a new queue
    String url = sqs.createQueue(b -> b.queueName("seed")).queueUrl();
    assertThat(url).isEqualTo(server.endpoint() + "/" + server.node().platform().accountId() + "/seed");
    assertThat(sqs.listQueues(b -> { }).queueUrls()).contains(url);
    assertThat(sqs.getQueueUrl(b -> b.queueName("seed")).queueUrl()).isEqualTo(url);
    // WHEN three messages are sent
    for (int i = 0; i < 3; i++) {
      String body = "reading " + i;
      var sent = sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
      assertThat(sent.messageId()).isNotBlank();
    }
    // THEN the queue counts them, and receiving + deleting empties it
    Map<String, String> attrs = sqs.getQueueAttributes(b -> b.queueUrl(url)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributesAsStrings();
    assertThat(attrs).containsEntry("ApproximateNumberOfMessages", "3");
    List<String> bodies = new ArrayList<>();
    for (int round = 0; round < 5 && bodies.size() < 3; round++) {
      for (Message m : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()) {
        bodies.add(m.body());
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
      }
    }
    assertThat(bodies).containsExactlyInAnyOrder("reading 0", "reading 1", "reading 2");
    assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("All")).attributesAsStrings())
        .containsEntry("ApproximateNumberOfMessages", "0")
        .containsEntry("ApproximateNumberOfMessagesNotVisible", "0")
        .containsEntry("QueueArn", "arn:aws:sqs:us-east-1:" + server.node().platform().accountId() + ":seed");
  }

  @Test
  void attributesAndTheirDigestsRoundTrip() {
    SqsClient sqs = server.sync();
    String url = sqs.createQueue(b -> b.queueName("attributes")).queueUrl();
    Map<String, MessageAttributeValue> attrs = Map.of(
        "city", MessageAttributeValue.builder().dataType("String").stringValue("Zürich").build(),
        "reading.temp", MessageAttributeValue.builder().dataType("Number.float").stringValue("21.5").build(),
        "raw", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("\u0001\u0002")).build());
    // The SDK checks MD5OfMessageBody, MD5OfMessageAttributes and MD5OfMessageSystemAttributes itself.
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("with attributes ✓").messageAttributes(attrs)
        .messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
            MessageSystemAttributeValue.builder().dataType("String").stringValue("Root=1-5759e988-bd862e3fe1be46a994272793").build())));
    Message m = sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("All")
        .messageSystemAttributeNamesWithStrings("All")).messages().getFirst();
    assertThat(m.body()).isEqualTo("with attributes ✓");
    assertThat(m.messageAttributes()).isEqualTo(attrs);
    assertThat(m.attributes()).containsKeys(MessageSystemAttributeName.SENT_TIMESTAMP,
        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, MessageSystemAttributeName.SENDER_ID,
        MessageSystemAttributeName.AWS_TRACE_HEADER);
    // A prefix selects some attributes; the digest then covers those only (the SDK checks it).
    sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
    Message again = sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("reading.*")).messages().getFirst();
    assertThat(again.messageAttributes()).containsOnlyKeys("reading.temp");
    assertThat(again.receiptHandle()).isNotEqualTo(m.receiptHandle());
  }
}

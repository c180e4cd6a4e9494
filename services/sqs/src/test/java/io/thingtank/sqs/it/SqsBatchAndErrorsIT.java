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
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException;
import software.amazon.awssdk.services.sqs.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueDeletedRecentlyException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

/** Batches, queue management (tags, permissions, attributes) and the documented errors, over the SDK. */
@Timeout(60)
class SqsBatchAndErrorsIT {
  @TempDir static Path dir;
  static SqsServer server;
  static SqsClient sqs;

  @BeforeAll static void start() {
    server = new SqsServer(dir);
    sqs = server.sync();
  }

  @AfterAll static void stop() { server.close(); }

  private static List<SendMessageBatchRequestEntry> entries(int n, String prefix) {
    List<SendMessageBatchRequestEntry> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(prefix + i).build());
    return out;
  }

  @Test
  void batchesSendReceiveChangeAndDeleteTen() {
    String url = sqs.createQueue(b -> b.queueName("batch")).queueUrl();
    var sent = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries(10, "m")));
    assertThat(sent.successful()).hasSize(10);
    assertThat(sent.failed()).isEmpty();
    List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
    assertThat(got).hasSize(10);
    var changed = sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(got.stream().map(m ->
        software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry.builder()
            .id(m.messageId().replace("-", "")).receiptHandle(m.receiptHandle()).visibilityTimeout(60).build()).toList()));
    assertThat(changed.successful()).hasSize(10);
    var deleted = sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(got.stream().map(m ->
        software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry.builder()
            .id(m.messageId().replace("-", "")).receiptHandle(m.receiptHandle()).build()).toList()));
    assertThat(deleted.successful()).hasSize(10);
    assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("All")).attributesAsStrings())
        .containsEntry("ApproximateNumberOfMessages", "0").containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
  }

  @Test
  void batchRulesFailTheWholeCallAndBadEntriesFailAlone() {
    String url = sqs.createQueue(b -> b.queueName("batch-rules")).queueUrl();
    assertThatThrownBy(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries(11, "x"))))
        .isInstanceOf(TooManyEntriesInBatchRequestException.class);
    assertThatThrownBy(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(List.of())))
        .isInstanceOf(EmptyBatchRequestException.class);
    var dup = new ArrayList<>(entries(2, "x"));
    dup.add(dup.getFirst());
    assertThatThrownBy(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(dup)))
        .isInstanceOf(BatchEntryIdsNotDistinctException.class);
    assertThatThrownBy(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
        SendMessageBatchRequestEntry.builder().id("bad id!").messageBody("x").build())))
        .isInstanceOf(InvalidBatchEntryIdException.class);
    String big = "x".repeat(400_000);
    assertThatThrownBy(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries(3, big))))
        .isInstanceOf(BatchRequestTooLongException.class);
    var mixed = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
        SendMessageBatchRequestEntry.builder().id("ok").messageBody("fine").build(),
        SendMessageBatchRequestEntry.builder().id("late").messageBody("x").delaySeconds(901).build()));
    assertThat(mixed.successful()).extracting(e -> e.id()).containsExactly("ok");
    assertThat(mixed.failed()).extracting(e -> e.id() + ":" + e.code()).containsExactly("late:InvalidParameterValue");
  }

  @Test
  void documentedErrors() {
    String url = sqs.createQueue(b -> b.queueName("errors")).queueUrl();
    assertThatThrownBy(() -> sqs.getQueueUrl(b -> b.queueName("nope"))).isInstanceOf(QueueDoesNotExistException.class);
    assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url + "-missing").messageBody("x")))
        .isInstanceOf(QueueDoesNotExistException.class)
        .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode())
            .isIn("AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist"));
    assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("errors").attributesWithStrings(Map.of("VisibilityTimeout", "5"))))
        .isInstanceOf(QueueNameExistsException.class);
    assertThat(sqs.createQueue(b -> b.queueName("errors")).queueUrl()).isEqualTo(url);
    assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("bad name"))).isInstanceOf(SqsException.class)
        .hasMessageContaining("alphanumeric");
    assertThatThrownBy(() -> sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("Nope")))
        .isInstanceOf(InvalidAttributeNameException.class);
    assertThatThrownBy(() -> sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(Map.of("DelaySeconds", "901"))))
        .isInstanceOf(SqsException.class).hasMessageContaining("DelaySeconds");
    assertThatThrownBy(() -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle("garbage")))
        .isInstanceOf(ReceiptHandleIsInvalidException.class);
    assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x".repeat(1_048_577))))
        .isInstanceOf(SqsException.class).hasMessageContaining("1048576");
    sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(Map.of("MaximumMessageSize", "1024")));
    assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x".repeat(1025))))
        .isInstanceOf(SqsException.class).hasMessageContaining("1024");
    assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("bad \u0000 char")))
        .isInstanceOf(SqsException.class).hasMessageContaining("#x0");
    assertThatThrownBy(() -> sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(11)))
        .isInstanceOf(SqsException.class).hasMessageContaining("MaxNumberOfMessages");
    sqs.purgeQueue(b -> b.queueUrl(url));
    assertThatThrownBy(() -> sqs.purgeQueue(b -> b.queueUrl(url))).isInstanceOf(PurgeQueueInProgressException.class);
    sqs.deleteQueue(b -> b.queueUrl(url));
    assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("errors"))).isInstanceOf(QueueDeletedRecentlyException.class);
  }

  @Test
  void tagsPermissionsAndAttributes() {
    String url = sqs.createQueue(b -> b.queueName("managed").tags(Map.of("team", "iot"))).queueUrl();
    sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("env", "test")));
    sqs.untagQueue(b -> b.queueUrl(url).tagKeys("team"));
    assertThat(sqs.listQueueTags(b -> b.queueUrl(url)).tags()).isEqualTo(Map.of("env", "test"));
    sqs.addPermission(b -> b.queueUrl(url).label("send").awsAccountIds("111122223333").actions("SendMessage"));
    String policy = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("Policy")).attributesAsStrings().get("Policy");
    assertThat(policy).contains("\"Sid\":\"send\"", "arn:aws:iam::111122223333:root", "SQS:SendMessage");
    sqs.removePermission(b -> b.queueUrl(url).label("send"));
    assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("Policy")).attributesAsStrings()).isEmpty();
    assertThatThrownBy(() -> sqs.removePermission(b -> b.queueUrl(url).label("send"))).isInstanceOf(SqsException.class);
    sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(Map.of("VisibilityTimeout", "45", "DelaySeconds", "2")));
    assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("All")).attributesAsStrings())
        .containsEntry("VisibilityTimeout", "45").containsEntry("DelaySeconds", "2");
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("delayed by the queue"));
    assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("ApproximateNumberOfMessagesDelayed"))
        .attributesAsStrings()).containsEntry("ApproximateNumberOfMessagesDelayed", "1");
    for (int i = 0; i < 3; i++) {
      int n = i;
      sqs.createQueue(b -> b.queueName("page-" + n));
    }
    var page = sqs.listQueues(b -> b.queueNamePrefix("page-").maxResults(2));
    assertThat(page.queueUrls()).hasSize(2);
    assertThat(sqs.listQueues(b -> b.queueNamePrefix("page-").maxResults(2).nextToken(page.nextToken())).queueUrls())
        .containsExactly(server.endpoint() + "/" + server.node().platform().accountId() + "/page-2");
  }
}

package io.thingtank.sqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Malformed, truncated, mistyped and randomly mutated requests in both protocols (signed
 * correctly, so they reach the codecs and handlers): none may cause a 5xx, and the queue works
 * normally afterwards.
 */
@Timeout(120)
class SqsBadInputIT {
  private static final int MUTATIONS_PER_REQUEST = 25;
  @TempDir Path dir;

  @Test
  void badRequestsNeverCauseServerErrorsOrDamage() throws Exception {
    try (SqsServer server = new SqsServer(dir)) {
      var sqs = server.sync();
      String url = sqs.createQueue(b -> b.queueName("target")).queueUrl();
      String fifo = sqs.createQueue(b -> b.queueName("target.fifo").attributesWithStrings(Map.of("FifoQueue", "true"))).queueUrl();
      String bystander = sqs.createQueue(b -> b.queueName("bystander")).queueUrl();
      sqs.sendMessage(b -> b.queueUrl(bystander).messageBody("keep me"));
      SignedHttp http = new SignedHttp(server.endpoint(), server.key().accessKeyId(), server.key().secretAccessKey());
      List<String[]> json = List.of(
          new String[] {"SendMessage", "{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"hi\",\"DelaySeconds\":1,"
              + "\"MessageAttributes\":{\"a\":{\"DataType\":\"Number\",\"StringValue\":\"1\"}}}"},
          new String[] {"SendMessageBatch", "{\"QueueUrl\":\"" + fifo + "\",\"Entries\":[{\"Id\":\"1\",\"MessageBody\":\"x\","
              + "\"MessageGroupId\":\"g\",\"MessageDeduplicationId\":\"d\"}]}"},
          new String[] {"ReceiveMessage", "{\"QueueUrl\":\"" + url + "\",\"MaxNumberOfMessages\":1,\"VisibilityTimeout\":0,"
              + "\"MessageAttributeNames\":[\"All\"],\"MessageSystemAttributeNames\":[\"All\"]}"},
          new String[] {"ChangeMessageVisibility", "{\"QueueUrl\":\"" + url + "\",\"ReceiptHandle\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\","
              + "\"VisibilityTimeout\":5}"},
          new String[] {"SetQueueAttributes", "{\"QueueUrl\":\"" + url + "\",\"Attributes\":{\"VisibilityTimeout\":\"30\","
              + "\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":\\\"arn:aws:sqs:us-east-1:0:x\\\",\\\"maxReceiveCount\\\":2}\"}}"},
          new String[] {"CreateQueue", "{\"QueueName\":\"made\",\"Attributes\":{\"DelaySeconds\":\"0\"},\"tags\":{\"k\":\"v\"}}"},
          new String[] {"DeleteMessageBatch", "{\"QueueUrl\":\"" + url + "\",\"Entries\":[{\"Id\":\"1\",\"ReceiptHandle\":\"x\"}]}"},
          new String[] {"StartMessageMoveTask", "{\"SourceArn\":\"arn:aws:sqs:us-east-1:0:target\",\"MaxNumberOfMessagesPerSecond\":1}"});
      List<String> query = List.of(
          "Action=SendMessage&QueueUrl=" + enc(url) + "&MessageBody=hi&MessageAttribute.1.Name=a"
              + "&MessageAttribute.1.Value.DataType=String&MessageAttribute.1.Value.StringValue=v",
          "Action=ReceiveMessage&QueueUrl=" + enc(url) + "&MaxNumberOfMessages=1&VisibilityTimeout=0&AttributeName.1=All",
          "Action=SendMessageBatch&QueueUrl=" + enc(url) + "&SendMessageBatchRequestEntry.1.Id=a"
              + "&SendMessageBatchRequestEntry.1.MessageBody=b",
          "Action=SetQueueAttributes&QueueUrl=" + enc(url) + "&Attribute.1.Name=DelaySeconds&Attribute.1.Value=0",
          "Action=TagQueue&QueueUrl=" + enc(url) + "&Tag.1.Key=k&Tag.1.Value=v");
      Random random = new Random(20261124);
      int requests = 0;
      for (String[] r : json) {
        Map<String, String> headers = Map.of("Content-Type", "application/x-amz-json-1.0", "X-Amz-Target", "AmazonSQS." + r[0]);
        assertThat(http.post(headers, r[1].getBytes(StandardCharsets.UTF_8)).statusCode()).as(r[0]).isLessThan(500);
        for (int i = 0; i < MUTATIONS_PER_REQUEST; i++) {
          byte[] body = mutate(r[1], random);
          HttpResponse<String> res = http.post(headers, body);
          assertThat(res.statusCode()).as(r[0] + " " + new String(body, StandardCharsets.UTF_8) + " -> " + res.body()).isLessThan(500);
          requests++;
        }
      }
      for (String form : query) {
        Map<String, String> headers = Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        assertThat(http.post(headers, (form + "&Version=2012-11-05").getBytes(StandardCharsets.UTF_8)).statusCode())
            .as(form).isLessThan(500);
        for (int i = 0; i < MUTATIONS_PER_REQUEST; i++) {
          byte[] body = mutate(form + "&Version=2012-11-05", random);
          HttpResponse<String> res = http.post(headers, body);
          assertThat(res.statusCode()).as(new String(body, StandardCharsets.UTF_8) + " -> " + res.body()).isLessThan(500);
          requests++;
        }
      }
      assertThat(requests).isEqualTo((json.size() + query.size()) * MUTATIONS_PER_REQUEST);
      // The queues still work: new messages go through, and the untouched queue kept its message.
      sqs.sendMessage(b -> b.queueUrl(url).messageBody("after"));
      var bodies = new java.util.HashSet<String>();
      for (int round = 0; round < 200; round++) {
        List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(600)).messages();
        if (got.isEmpty()) break;
        got.forEach(m -> bodies.add(m.body()));
      }
      assertThat(bodies).contains("after");
      assertThat(sqs.receiveMessage(b -> b.queueUrl(bystander)).messages()).extracting(Message::body).containsExactly("keep me");
    }
  }

  private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

  /** Truncates, flips a byte, swaps a value for another JSON type, or drops a piece of the request. */
  private static byte[] mutate(String valid, Random random) {
    byte[] b = valid.getBytes(StandardCharsets.UTF_8);
    int at = random.nextInt(b.length);
    return switch (random.nextInt(5)) {
      case 0 -> java.util.Arrays.copyOf(b, at);
      case 1 -> {
        b[at] = (byte) random.nextInt(256);
        yield b;
      }
      case 2 -> valid.replaceFirst("\"[^\"]*\"(?=[,}])", List.of("123", "[]", "{}", "null", "-1", "true", "\"\"")
          .get(random.nextInt(7))).getBytes(StandardCharsets.UTF_8);
      case 3 -> valid.replaceAll("\\d+", List.of("-5", "99999999999", "0", "1e3").get(random.nextInt(4)))
          .getBytes(StandardCharsets.UTF_8);
      default -> (valid.substring(0, at) + valid.substring(Math.min(valid.length(), at + 1 + random.nextInt(10))))
          .getBytes(StandardCharsets.UTF_8);
    };
  }
}

package io.thingtank.aws.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.aws.AwsProtocol;
import io.thingtank.aws.AwsServiceModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Query clients that address the queue by path (POST /account/name) instead of QueueUrl. */
class SqsQueryPathTest {
  static final AwsServiceModel SQS = new AwsServiceModel("sqs", "AmazonSQS",
      Set.of(AwsProtocol.AWS_JSON_1_0, AwsProtocol.AWS_QUERY), "2012-11-05",
      "http://queue.amazonaws.com/doc/2012-11-05/", "software.amazon.awssdk.services.sqs.model", true, null);

  @Test
  void queuePathStandsForTheQueueUrl() {
    AwsCall call = SqsQueryCodec.sqsInstance().decode(SQS, form("/123456789012/orders",
        "Action=SendMessage&Version=2012-11-05&MessageBody=hi"));
    assertThat(call.request()).isEqualTo(SendMessageRequest.builder()
        .queueUrl("http://localhost:4566/123456789012/orders").messageBody("hi").build());
  }

  @Test
  void explicitQueueUrlWins() {
    AwsCall call = SqsQueryCodec.sqsInstance().decode(SQS, form("/123456789012/orders",
        "Action=SendMessage&QueueUrl=http%3A%2F%2Fh%2F1%2Fq&MessageBody=hi"));
    assertThat(((SendMessageRequest) call.request()).queueUrl()).isEqualTo("http://h/1/q");
  }

  @Test
  void rootPathIsUntouched() {
    AwsCall call = SqsQueryCodec.sqsInstance().decode(SQS, form("/", "Action=ListQueues&QueueNamePrefix=a"));
    assertThat(call.request()).isEqualTo(ListQueuesRequest.builder().queueNamePrefix("a").build());
  }

  private static AwsHttpRequest form(String path, String body) {
    return new AwsHttpRequest("POST", path, null, Map.of("host", List.of("localhost:4566"),
        "content-type", List.of("application/x-www-form-urlencoded")), body.getBytes(StandardCharsets.UTF_8));
  }
}

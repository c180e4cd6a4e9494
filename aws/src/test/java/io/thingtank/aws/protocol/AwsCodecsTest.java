package io.thingtank.aws.protocol;

import static io.thingtank.aws.protocol.AwsJsonCodecTest.callIgnoringResponse;
import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.aws.AwsServiceModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Codec selection from requests the real SDK clients send. */
class AwsCodecsTest {
  private final CapturingHttpClient http = new CapturingHttpClient();

  @Test
  void picksTheCodecOfEachSdkClientsProtocol() {
    callIgnoringResponse(() -> http.client(SqsClient.builder()).listQueues());
    assertThat(select(TestModels.SQS)).isSameAs(AwsJsonCodec.json10());

    callIgnoringResponse(() -> http.client(DynamoDbClient.builder()).listTables());
    assertThat(select(TestModels.DYNAMODB)).isSameAs(AwsJsonCodec.json10());

    callIgnoringResponse(() -> http.client(KinesisClient.builder())
        .putRecord(b -> b.streamName("s").partitionKey("p").data(SdkBytes.fromUtf8String("x"))));
    assertThat(select(TestModels.KINESIS)).isSameAs(AwsJsonCodec.kinesisCbor());

    callIgnoringResponse(() -> http.client(CloudWatchClient.builder()).listMetrics());
    assertThat(select(TestModels.CLOUDWATCH)).isSameAs(RpcV2CborCodec.instance());

    callIgnoringResponse(() -> http.client(RdsClient.builder()).describeDBInstances());
    assertThat(select(TestModels.RDS)).isSameAs(AwsQueryCodec.instance());

    callIgnoringResponse(() -> http.client(Ec2Client.builder()).describeInstances());
    assertThat(select(TestModels.EC2)).isSameAs(Ec2QueryCodec.ec2Instance());

    callIgnoringResponse(() -> http.client(S3Client.builder().forcePathStyle(true)).listBuckets());
    assertThat(select(TestModels.S3)).isInstanceOf(RestXmlCodec.class);
  }

  @Test
  void sqsQueryFormsGetTheSqsQueryCodec() {
    assertThat(AwsCodecs.select(TestModels.SQS, AwsQueryCodecTest.form("Action=ListQueues&Version=2012-11-05")))
        .isSameAs(SqsQueryCodec.sqsInstance());
  }

  @Test
  void requestsInAProtocolTheServiceDoesNotAcceptGetNoCodec() {
    AwsHttpRequest cbor = new AwsHttpRequest("POST", "/", null, Map.of(
        "x-amz-target", List.of("DynamoDB_20120810.ListTables"),
        "content-type", List.of("application/x-amz-cbor-1.1")), new byte[0]);
    assertThat(AwsCodecs.select(TestModels.DYNAMODB, cbor)).isNull();

    AwsHttpRequest rpc = new AwsHttpRequest("POST", "/service/X/operation/Y", null,
        Map.of("smithy-protocol", List.of("rpc-v2-cbor")), new byte[0]);
    assertThat(AwsCodecs.select(TestModels.SQS, rpc)).isNull();

    assertThat(AwsCodecs.select(TestModels.DYNAMODB, AwsQueryCodecTest.form("Action=ListTables"))).isNull();
  }

  private AwsCodec select(AwsServiceModel model) {
    return AwsCodecs.select(model, http.last());
  }
}

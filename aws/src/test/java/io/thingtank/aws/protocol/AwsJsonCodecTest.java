package io.thingtank.aws.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingtank.aws.AwsError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordRequest;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Round trips of awsJson 1.0/1.1 and Kinesis CBOR against the real AWS SDK for Java v2 clients. */
class AwsJsonCodecTest {
  private final CapturingHttpClient http = new CapturingHttpClient();

  @Test
  void sqsSendMessageRequestDecodesToAnEqualRequest() {
    SqsClient sqs = http.client(SqsClient.builder());
    SendMessageRequest sent = SendMessageRequest.builder()
        .queueUrl("http://localhost:4566/000000000000/q1").messageBody("hello").delaySeconds(5)
        .messageAttributes(Map.of(
            "s", MessageAttributeValue.builder().dataType("String").stringValue("v").build(),
            "b", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("\u0001\u0002")).build()))
        .build();

    callIgnoringResponse(() -> sqs.sendMessage(sent));

    assertThat(http.last().header("x-amz-target")).isEqualTo("AmazonSQS.SendMessage");
    AwsCall call = AwsJsonCodec.json10().decode(TestModels.SQS, http.last());
    assertThat(call.operation()).isEqualTo("SendMessage");
    assertThat(call.request()).isEqualTo(sent);
  }

  @Test
  void sqsReceiveMessageResponseIsParsedByTheSdkIntoAnEqualResponse() {
    SqsClient sqs = http.client(SqsClient.builder());
    ReceiveMessageResponse ours = ReceiveMessageResponse.builder().messages(
        Message.builder().messageId("m1").receiptHandle("r1").body("hello").md5OfBody(md5("hello"))
            .attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP, "1700000000000",
                MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"))
            .build()).build();
    http.respond(r -> AwsJsonCodec.json10().encode(TestModels.SQS, "ReceiveMessage", ours, "req-1"));

    ReceiveMessageResponse parsed = sqs.receiveMessage(ReceiveMessageRequest.builder().queueUrl("http://q")
        .maxNumberOfMessages(10).messageSystemAttributeNames(MessageSystemAttributeName.ALL).build());

    SdkAssertions.assertSameFields(parsed, ours);
    assertThat(parsed.responseMetadata().requestId()).isEqualTo("req-1");
    AwsCall call = AwsJsonCodec.json10().decode(TestModels.SQS, http.last());
    assertThat(((ReceiveMessageRequest) call.request()).messageSystemAttributeNames())
        .containsExactly(MessageSystemAttributeName.ALL);
  }

  @Test
  void sqsQueryCompatibleErrorSurfacesAsTheModelledException() {
    SqsClient sqs = http.client(SqsClient.builder());
    AwsError missing = new AwsError("QueueDoesNotExist", "The specified queue does not exist.", 400,
        "AWS.SimpleQueueService.NonExistentQueue");
    http.respond(r -> AwsJsonCodec.json10().encodeError(TestModels.SQS, "GetQueueUrl", missing, "req-2"));

    assertThatThrownBy(() -> sqs.getQueueAttributes(b -> b.queueUrl("http://q").attributeNames(QueueAttributeName.ALL)))
        .isInstanceOfSatisfying(QueueDoesNotExistException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified queue does not exist.");
        });
  }

  @Test
  void dynamoDbPutItemWithEveryAttributeValueKindDecodesToAnEqualRequest() {
    DynamoDbClient ddb = http.client(DynamoDbClient.builder());
    PutItemRequest sent = PutItemRequest.builder().tableName("t")
        .item(Map.of(
            "pk", AttributeValue.fromS("k1"),
            "n", AttributeValue.fromN("12.50"),
            "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 0xff})),
            "ss", AttributeValue.fromSs(List.of("a", "b")),
            "ns", AttributeValue.fromNs(List.of("1", "2")),
            "bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"))),
            "m", AttributeValue.fromM(Map.of("inner", AttributeValue.fromL(List.of(
                AttributeValue.fromBool(true), AttributeValue.fromNul(true))))),
            "l", AttributeValue.fromL(List.of())))
        .conditionExpression("attribute_not_exists(pk)")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1")))
        .returnValues(ReturnValue.ALL_OLD)
        .build();

    callIgnoringResponse(() -> ddb.putItem(sent));

    assertThat(AwsJsonCodec.json10().decode(TestModels.DYNAMODB, http.last()).request()).isEqualTo(sent);
  }

  @Test
  void dynamoDbQueryResponseWithNestedItemsIsParsedIntoAnEqualResponse() {
    DynamoDbClient ddb = http.client(DynamoDbClient.builder());
    QueryResponse ours = QueryResponse.builder()
        .items(List.of(Map.of("pk", AttributeValue.fromS("a"), "blob", AttributeValue.fromB(SdkBytes.fromUtf8String("z")),
            "m", AttributeValue.fromM(Map.of("n", AttributeValue.fromN("3"))))))
        .count(1).scannedCount(1)
        .lastEvaluatedKey(Map.of("pk", AttributeValue.fromS("a")))
        .consumedCapacity(ConsumedCapacity.builder().tableName("t").capacityUnits(0.5).build())
        .build();
    http.respond(r -> AwsJsonCodec.json10().encode(TestModels.DYNAMODB, "Query", ours, "req-3"));

    QueryResponse parsed = ddb.query(QueryRequest.builder().tableName("t").keyConditionExpression("pk = :v")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("a"))).build());

    SdkAssertions.assertSameFields(parsed, ours);
  }

  @Test
  void dynamoDbErrorSurfacesAsTheModelledException() {
    DynamoDbClient ddb = http.client(DynamoDbClient.builder());
    http.respond(r -> AwsJsonCodec.json10().encodeError(TestModels.DYNAMODB, "PutItem",
        new AwsError("ConditionalCheckFailedException", "The conditional request failed", 400), "req-4"));

    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName("t").item(Map.of("pk", AttributeValue.fromS("a")))))
        .isInstanceOfSatisfying(ConditionalCheckFailedException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed"));
  }

  @Test
  void kinesisPutRecordOverCborDecodesToAnEqualRequest() {
    KinesisClient kinesis = http.client(KinesisClient.builder());
    PutRecordRequest sent = PutRecordRequest.builder().streamName("s").partitionKey("p")
        .data(SdkBytes.fromByteArray(new byte[] {1, 2, 3, 0, (byte) 0x80})).explicitHashKey("42").build();

    callIgnoringResponse(() -> kinesis.putRecord(sent));

    assertThat(http.last().header("content-type")).isEqualTo("application/x-amz-cbor-1.1");
    assertThat(AwsJsonCodec.kinesisCbor().decode(TestModels.KINESIS, http.last()).request()).isEqualTo(sent);
  }

  @Test
  void kinesisGetRecordsCborResponseWithBlobsAndTimestampsIsParsedIntoAnEqualResponse() {
    KinesisClient kinesis = http.client(KinesisClient.builder());
    GetRecordsResponse ours = GetRecordsResponse.builder().nextShardIterator("it-2").millisBehindLatest(0L)
        .records(Record.builder().sequenceNumber("1").partitionKey("p")
            .data(SdkBytes.fromByteArray(new byte[] {9, 8, 7}))
            .approximateArrivalTimestamp(Instant.parse("2024-05-01T12:34:56.789Z")).build())
        .build();
    http.respond(r -> AwsJsonCodec.kinesisCbor().encode(TestModels.KINESIS, "GetRecords", ours, "req-5"));

    GetRecordsResponse parsed = kinesis.getRecords(GetRecordsRequest.builder().shardIterator("it-1").limit(10).build());

    SdkAssertions.assertSameFields(parsed, ours);
  }

  @Test
  void kinesisCborErrorSurfacesAsTheModelledException() {
    KinesisClient kinesis = http.client(KinesisClient.builder());
    http.respond(r -> AwsJsonCodec.kinesisCbor().encodeError(TestModels.KINESIS, "PutRecord",
        new AwsError("ResourceNotFoundException", "Stream s not found", 400), "req-6"));

    assertThatThrownBy(() -> kinesis.putRecord(b -> b.streamName("s").partitionKey("p").data(SdkBytes.fromUtf8String("x"))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void kinesisOverJson11WithCborOffRoundTripsTimestampsAndBlobs() {
    KinesisClient kinesis = jsonKinesis();
    PutRecordRequest sent = PutRecordRequest.builder().streamName("s").partitionKey("p")
        .data(SdkBytes.fromByteArray(new byte[] {0, (byte) 0xfe})).build();
    callIgnoringResponse(() -> kinesis.putRecord(sent));
    assertThat(http.last().header("content-type")).isEqualTo("application/x-amz-json-1.1");
    assertThat(AwsJsonCodec.json11().decode(TestModels.KINESIS, http.last()).request()).isEqualTo(sent);

    GetRecordsResponse ours = GetRecordsResponse.builder().nextShardIterator("it").millisBehindLatest(5L)
        .records(Record.builder().sequenceNumber("7").partitionKey("p").data(SdkBytes.fromUtf8String("d"))
            .approximateArrivalTimestamp(Instant.parse("2024-05-01T12:34:56.789Z")).build()).build();
    http.respond(r -> AwsJsonCodec.json11().encode(TestModels.KINESIS, "GetRecords", ours, "req-7"));
    SdkAssertions.assertSameFields(kinesis.getRecords(b -> b.shardIterator("it")), ours);
  }

  /** SDK v2 Kinesis speaks CBOR unless the aws.cborEnabled system property is false when the client is built. */
  private KinesisClient jsonKinesis() {
    System.setProperty("aws.cborEnabled", "false");
    try {
      return http.client(KinesisClient.builder());
    } finally {
      System.clearProperty("aws.cborEnabled");
    }
  }

  @Test
  void unknownTargetIsAnUnknownOperationError() {
    AwsHttpRequest request = new AwsHttpRequest("POST", "/", null,
        Map.of("x-amz-target", List.of("AmazonSQS.NoSuchThing")), "{}".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> AwsJsonCodec.json10().decode(TestModels.SQS, request))
        .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("UnknownOperationException"));
  }

  static void callIgnoringResponse(Runnable call) {
    try {
      call.run();
    } catch (SdkException expected) {
      // the canned 500 answer fails the call; only the marshalled request matters here
    }
  }

  static String md5(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.thingtank.aws.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.aws.AwsError;
import io.thingtank.aws.AwsServiceModel;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordRequest;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Endpoint;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tagging;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * botocore (what boto3 and the AWS CLI run on) against the codecs, with no network: the script
 * {@code src/test/python/botocore_roundtrip.py} serializes requests with botocore's own
 * serializers and parses the bytes our codecs encode. Needs the machine Python with botocore.
 */
@Timeout(120)
class BotocoreRoundTripIT {
  private static final Path SCRIPT = Path.of("src/test/python/botocore_roundtrip.py");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void botocoreRequestsDecodeToTheSameRequests() throws Exception {
    assumeTrue(botocoreAvailable(), "python3 with botocore");
    Map<String, JsonNode> captured = byCase(run("requests"));

    assertThat(decode(captured.get("sqs-send-message"), TestModels.SQS)).isEqualTo(SendMessageRequest.builder()
        .queueUrl("http://localhost:4566/000000000000/q1").messageBody("hello").delaySeconds(2)
        .messageAttributes(Map.of(
            "color", MessageAttributeValue.builder().dataType("String").stringValue("red").build(),
            "raw", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(new byte[] {0, 1})).build()))
        .build());
    assertThat(decode(captured.get("dynamodb-put-item"), TestModels.DYNAMODB)).isEqualTo(PutItemRequest.builder()
        .tableName("t").item(Map.of("pk", AttributeValue.fromS("k1"), "n", AttributeValue.fromN("1.5"),
            "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) 0xff, 0})),
            "ss", AttributeValue.fromSs(List.of("a", "b")),
            "m", AttributeValue.fromM(Map.of("l", AttributeValue.fromL(List.of(
                AttributeValue.fromBool(true), AttributeValue.fromNul(true)))))))
        .build());
    assertThat(decode(captured.get("kinesis-put-record"), TestModels.KINESIS)).isEqualTo(PutRecordRequest.builder()
        .streamName("s").partitionKey("p").data(SdkBytes.fromByteArray(new byte[] {1, 2})).build());
    // botocore picks awsJson 1.0 for CloudWatch and sends timestamps as whole epoch seconds
    assertThat(decode(captured.get("cloudwatch-put-metric-data"), TestModels.CLOUDWATCH)).isEqualTo(
        PutMetricDataRequest.builder().namespace("ThingTank").metricData(MetricDatum.builder().metricName("temp")
            .value(21.5).timestamp(Instant.parse("2024-06-01T10:00:00Z"))
            .dimensions(Dimension.builder().name("device").value("d1").build()).build()).build());
    assertThat(decode(captured.get("rds-create-db-instance"), TestModels.RDS)).isEqualTo(CreateDbInstanceRequest.builder()
        .dbInstanceIdentifier("db1").dbInstanceClass("db.t3.micro").engine("postgres").allocatedStorage(20)
        .vpcSecurityGroupIds("sg-1", "sg-2")
        .tags(software.amazon.awssdk.services.rds.model.Tag.builder().key("k").value("v").build()).build());
    assertThat(decode(captured.get("ec2-describe-instances"), TestModels.EC2)).isEqualTo(DescribeInstancesRequest.builder()
        .filters(Filter.builder().name("instance-state-name").values("running", "pending").build())
        .instanceIds("i-1").build());
    assertThat(decode(captured.get("s3-put-object"), TestModels.S3)).isEqualTo(PutObjectRequest.builder()
        .bucket("b1").key("dir/a b.txt").contentType("text/plain").contentLength(5L)
        .metadata(Map.of("owner", "alice")).build());
    assertThat(decode(captured.get("s3-list-objects-v2"), TestModels.S3)).isEqualTo(ListObjectsV2Request.builder()
        .bucket("b1").prefix("logs/").maxKeys(10).encodingType("url").build());
    PutBucketTaggingRequest tagging = (PutBucketTaggingRequest) decode(captured.get("s3-put-bucket-tagging"), TestModels.S3);
    assertThat(tagging.tagging()).isEqualTo(Tagging.builder()
        .tagSet(software.amazon.awssdk.services.s3.model.Tag.builder().key("env").value("prod").build()).build());
  }

  @Test
  void botocoreParsesWhatTheCodecsEncode(@TempDir Path dir) throws Exception {
    assumeTrue(botocoreAvailable(), "python3 with botocore");
    Map<String, AwsHttpResponse> answers = new LinkedHashMap<>();
    answers.put("sqs-receive-message", AwsJsonCodec.json10().encode(TestModels.SQS, "ReceiveMessage",
        ReceiveMessageResponse.builder().messages(Message.builder().messageId("m1").receiptHandle("r1").body("hello")
            .md5OfBody("5d41402abc4b2a76b9719d911017c592").build()).build(), "req-1"));
    answers.put("sqs-get-queue-url", AwsJsonCodec.json10().encodeError(TestModels.SQS, "GetQueueUrl",
        new AwsError("QueueDoesNotExist", "The specified queue does not exist.", 400,
            "AWS.SimpleQueueService.NonExistentQueue"), "req-2"));
    answers.put("kinesis-get-records", AwsJsonCodec.json11().encode(TestModels.KINESIS, "GetRecords",
        GetRecordsResponse.builder().nextShardIterator("it-2").records(Record.builder().sequenceNumber("1")
            .partitionKey("p").data(SdkBytes.fromByteArray(new byte[] {9, 8}))
            .approximateArrivalTimestamp(Instant.parse("2024-05-01T12:34:56.789Z")).build()).build(), "req-3"));
    answers.put("ec2-describe-instances", Ec2QueryCodec.ec2Instance().encode(TestModels.EC2, "DescribeInstances",
        DescribeInstancesResponse.builder().reservations(Reservation.builder().reservationId("r-1")
            .instances(Instance.builder().instanceId("i-1").launchTime(Instant.parse("2024-03-04T05:06:07Z"))
                .state(InstanceState.builder().code(16).name(InstanceStateName.RUNNING).build()).build())
            .build()).build(), "req-4"));
    answers.put("rds-create-db-instance", AwsQueryCodec.instance().encode(TestModels.RDS, "CreateDBInstance",
        CreateDbInstanceResponse.builder().dbInstance(DBInstance.builder().dbInstanceIdentifier("db1")
            .endpoint(Endpoint.builder().address("localhost").port(5432).build())
            .instanceCreateTime(Instant.parse("2024-02-03T04:05:06Z")).build()).build(), "req-5"));
    RestXmlCodec s3 = new RestXmlCodec(OperationTable.load("s3"));
    answers.put("s3-list-objects-v2", s3.encode(TestModels.S3, "ListObjectsV2", ListObjectsV2Response.builder()
        .name("b1").prefix("logs/").isTruncated(false).keyCount(1)
        .contents(S3Object.builder().key("logs/a.txt").size(12L).lastModified(Instant.parse("2024-07-01T08:09:10Z"))
            .build()).build(), "req-6"));
    answers.put("s3-get-object-tagging", s3.encodeError(TestModels.S3, "GetObjectTagging",
        new AwsError("NoSuchKey", "The specified key does not exist.", 404), "req-7"));
    Path file = dir.resolve("answers.json");
    ObjectNode json = JSON.createObjectNode();
    answers.forEach((name, r) -> json.putObject(name).put("status", r.status())
        .put("body_b64", Base64.getEncoder().encodeToString(r.body()))
        .set("headers", JSON.valueToTree(r.headers())));
    Files.writeString(file, json.toString());

    Map<String, JsonNode> parsed = byCase(run("responses", file.toString()));

    assertThat(parsed.get("sqs-receive-message").at("/result/Messages/0/Body").asText()).isEqualTo("hello");
    assertThat(parsed.get("sqs-get-queue-url").at("/error/Code").asText()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
    assertThat(parsed.get("sqs-get-queue-url").at("/error/Message").asText()).isEqualTo("The specified queue does not exist.");
    JsonNode record = parsed.get("kinesis-get-records").at("/result/Records/0");
    assertThat(record.at("/Data/b64").asText()).isEqualTo("CQg=");
    assertThat(record.at("/ApproximateArrivalTimestamp").asText()).isEqualTo("2024-05-01T12:34:56.789000+00:00");
    JsonNode instance = parsed.get("ec2-describe-instances").at("/result/Reservations/0/Instances/0");
    assertThat(instance.at("/InstanceId").asText()).isEqualTo("i-1");
    assertThat(instance.at("/State/Name").asText()).isEqualTo("running");
    assertThat(instance.at("/LaunchTime").asText()).isEqualTo("2024-03-04T05:06:07+00:00");
    JsonNode db = parsed.get("rds-create-db-instance").at("/result/DBInstance");
    assertThat(db.at("/Endpoint/Port").asInt()).isEqualTo(5432);
    assertThat(db.at("/InstanceCreateTime").asText()).isEqualTo("2024-02-03T04:05:06+00:00");
    JsonNode list = parsed.get("s3-list-objects-v2").at("/result");
    assertThat(list.at("/Contents/0/Key").asText()).isEqualTo("logs/a.txt");
    assertThat(list.at("/Contents/0/Size").asLong()).isEqualTo(12L);
    assertThat(list.at("/IsTruncated").asBoolean(true)).isFalse();
    assertThat(parsed.get("s3-get-object-tagging").at("/error/Code").asText()).isEqualTo("NoSuchKey");
    assertThat(parsed.get("s3-get-object-tagging").at("/status").asInt()).isEqualTo(404);
  }

  private static SdkRequest decode(JsonNode captured, AwsServiceModel model) {
    URI url = URI.create(captured.get("url").asText());
    Map<String, List<String>> headers = new HashMap<>();
    captured.get("headers").fields().forEachRemaining(e ->
        headers.put(e.getKey().toLowerCase(Locale.ROOT), List.of(e.getValue().asText())));
    AwsHttpRequest request = new AwsHttpRequest(captured.get("method").asText(), url.getRawPath(), url.getRawQuery(),
        headers, Base64.getDecoder().decode(captured.get("body_b64").asText()));
    AwsCodec codec = AwsCodecs.select(model, request);
    assertThat(codec).as("codec for %s", captured.get("case")).isNotNull();
    return codec.decode(model, request).request();
  }

  private static Map<String, JsonNode> byCase(List<JsonNode> lines) {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode line : lines) out.put(line.get("case").asText(), line);
    return out;
  }

  private static List<JsonNode> run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("botocore script exit code").isZero();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : new String(out, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) lines.add(JSON.readTree(line));
    }
    return lines;
  }

  private static boolean botocoreAvailable() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import botocore").start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}

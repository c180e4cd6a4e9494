package io.thingtank.aws.protocol;

import static io.thingtank.aws.protocol.AwsJsonCodecTest.callIgnoringResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingtank.aws.AwsError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.Endpoint;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesRequest;

/** Round trips of awsQuery against the real SDK v2 Auto Scaling and RDS clients, and SQS query forms. */
class AwsQueryCodecTest {
  private final CapturingHttpClient http = new CapturingHttpClient();
  private final AwsQueryCodec codec = AwsQueryCodec.instance();

  @Test
  void autoScalingCreateGroupWithNestedStructuresAndListsDecodesToAnEqualRequest() {
    AutoScalingClient as = http.client(AutoScalingClient.builder());
    CreateAutoScalingGroupRequest sent = CreateAutoScalingGroupRequest.builder()
        .autoScalingGroupName("g").minSize(1).maxSize(3).desiredCapacity(2)
        .launchTemplate(LaunchTemplateSpecification.builder().launchTemplateName("lt").version("$Latest").build())
        .availabilityZones("us-east-1a", "us-east-1b")
        .tags(Tag.builder().key("env").value("test").propagateAtLaunch(true).build(),
            Tag.builder().key("team").value("iot").propagateAtLaunch(false).build())
        .build();

    callIgnoringResponse(() -> as.createAutoScalingGroup(sent));

    AwsCall call = codec.decode(TestModels.AUTOSCALING, http.last());
    assertThat(call.operation()).isEqualTo("CreateAutoScalingGroup");
    assertThat(call.request()).isEqualTo(sent);
  }

  @Test
  void autoScalingDescribeGroupsResponseIsParsedIntoAnEqualResponse() {
    AutoScalingClient as = http.client(AutoScalingClient.builder());
    DescribeAutoScalingGroupsResponse ours = DescribeAutoScalingGroupsResponse.builder()
        .autoScalingGroups(AutoScalingGroup.builder().autoScalingGroupName("g").minSize(1).maxSize(3)
            .desiredCapacity(1).defaultCooldown(300).healthCheckType("EC2")
            .createdTime(Instant.parse("2024-01-02T03:04:05.678Z"))
            .availabilityZones("us-east-1a")
            .instances(Instance.builder().instanceId("i-1").availabilityZone("us-east-1a")
                .lifecycleState(LifecycleState.IN_SERVICE).healthStatus("Healthy").protectedFromScaleIn(false).build())
            .tags(TagDescription.builder().key("env").value("a&b<c>").resourceId("g")
                .resourceType("auto-scaling-group").propagateAtLaunch(true).build())
            .build())
        .nextToken("n")
        .build();
    http.respond(r -> codec.encode(TestModels.AUTOSCALING, "DescribeAutoScalingGroups", ours, "req-1"));

    DescribeAutoScalingGroupsResponse parsed = as.describeAutoScalingGroups(DescribeAutoScalingGroupsRequest.builder()
        .autoScalingGroupNames("g").build());

    SdkAssertions.assertSameFields(parsed, ours);
    assertThat(parsed.responseMetadata().requestId()).isEqualTo("req-1");
  }

  @Test
  void rdsCreateDbInstanceDecodesToAnEqualRequest() {
    RdsClient rds = http.client(RdsClient.builder());
    CreateDbInstanceRequest sent = CreateDbInstanceRequest.builder().dbInstanceIdentifier("db1")
        .dbInstanceClass("db.t3.micro").engine("postgres").allocatedStorage(20).multiAZ(false)
        .masterUsername("admin").masterUserPassword("pw").vpcSecurityGroupIds("sg-1", "sg-2")
        .tags(software.amazon.awssdk.services.rds.model.Tag.builder().key("k").value("v").build())
        .build();

    callIgnoringResponse(() -> rds.createDBInstance(sent));

    assertThat(codec.decode(TestModels.RDS, http.last()).request()).isEqualTo(sent);
  }

  @Test
  void rdsEmptyListIsSentAndDecodedAsAnEmptyList() {
    RdsClient rds = http.client(RdsClient.builder());
    var sent = software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest.builder()
        .filters(Filter.builder().name("engine").values(List.of()).build()).maxRecords(20).build();

    callIgnoringResponse(() -> rds.describeDBInstances(sent));

    assertThat(codec.decode(TestModels.RDS, http.last()).request()).isEqualTo(sent);
  }

  @Test
  void rdsDescribeDbInstancesResponseIsParsedIntoAnEqualResponse() {
    RdsClient rds = http.client(RdsClient.builder());
    DescribeDbInstancesResponse ours = DescribeDbInstancesResponse.builder().dbInstances(DBInstance.builder()
        .dbInstanceIdentifier("db1").engine("postgres").dbInstanceStatus("available").allocatedStorage(20)
        .endpoint(Endpoint.builder().address("localhost").port(5432).build())
        .instanceCreateTime(Instant.parse("2024-02-03T04:05:06Z")).multiAZ(false)
        .tagList(software.amazon.awssdk.services.rds.model.Tag.builder().key("k").value("v").build())
        .build()).build();
    http.respond(r -> codec.encode(TestModels.RDS, "DescribeDBInstances", ours, "req-2"));

    SdkAssertions.assertSameFields(rds.describeDBInstances(b -> b.dbInstanceIdentifier("db1")), ours);
  }

  @Test
  void rdsErrorSurfacesAsTheModelledException() {
    RdsClient rds = http.client(RdsClient.builder());
    http.respond(r -> codec.encodeError(TestModels.RDS, "DescribeDBInstances",
        new AwsError("DBInstanceNotFound", "DBInstance db9 not found.", 404), "req-3"));

    assertThatThrownBy(() -> rds.describeDBInstances(b -> b.dbInstanceIdentifier("db9")))
        .isInstanceOfSatisfying(DbInstanceNotFoundException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DBInstanceNotFound");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("DBInstance db9 not found.");
          assertThat(e.requestId()).isEqualTo("req-3");
        });
  }

  @Test
  void sqsQueryFormWithFlattenedMessageAttributesDecodes() {
    // As boto3 and the AWS CLI v1 send SQS query requests (SDK v2 uses JSON).
    AwsHttpRequest request = form("Action=SendMessage&Version=2012-11-05&QueueUrl=http%3A%2F%2Fq&MessageBody=hi"
        + "&DelaySeconds=3&MessageAttribute.1.Name=color&MessageAttribute.1.Value.DataType=String"
        + "&MessageAttribute.1.Value.StringValue=red&MessageAttribute.2.Name=raw"
        + "&MessageAttribute.2.Value.DataType=Binary&MessageAttribute.2.Value.BinaryValue=AAEC");

    AwsCall call = SqsQueryCodec.sqsInstance().decode(TestModels.SQS, request);

    assertThat(call.request()).isEqualTo(SendMessageRequest.builder().queueUrl("http://q").messageBody("hi")
        .delaySeconds(3).messageAttributes(Map.of(
            "color", MessageAttributeValue.builder().dataType("String").stringValue("red").build(),
            "raw", MessageAttributeValue.builder().dataType("Binary")
                .binaryValue(SdkBytes.fromByteArray(new byte[] {0, 1, 2})).build()))
        .build());
  }

  @Test
  void sqsQueryFormWithFlattenedAttributeMapDecodes() {
    AwsHttpRequest request = form("Action=SetQueueAttributes&Version=2012-11-05&QueueUrl=http%3A%2F%2Fq"
        + "&Attribute.1.Name=VisibilityTimeout&Attribute.1.Value=40&Attribute.2.Name=DelaySeconds&Attribute.2.Value=1");

    assertThat(SqsQueryCodec.sqsInstance().decode(TestModels.SQS, request).request()).isEqualTo(SetQueueAttributesRequest.builder()
        .queueUrl("http://q").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "40",
            QueueAttributeName.DELAY_SECONDS, "1")).build());
  }

  @Test
  void sqsQueryReceiveMessageResponseUsesTheQueryElementNames() {
    var ours = software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse.builder().messages(
        software.amazon.awssdk.services.sqs.model.Message.builder().messageId("m1").body("hi")
            .attributes(Map.of(software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName.SENDER_ID, "A"))
            .messageAttributes(Map.of("color", MessageAttributeValue.builder().dataType("String").stringValue("red").build()))
            .build()).build();

    String xml = new String(SqsQueryCodec.sqsInstance().encode(TestModels.SQS, "ReceiveMessage", ours, "r").body(),
        StandardCharsets.UTF_8);

    assertThat(xml).contains("<ReceiveMessageResponse xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\">"
        + "<ReceiveMessageResult><Message><MessageId>m1</MessageId><Body>hi</Body>"
        + "<Attribute><Name>SenderId</Name><Value>A</Value></Attribute>"
        + "<MessageAttribute><Name>color</Name><Value><StringValue>red</StringValue><DataType>String</DataType></Value>"
        + "</MessageAttribute></Message></ReceiveMessageResult>"
        + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ReceiveMessageResponse>");
  }

  @Test
  void unknownActionIsInvalidAction() {
    assertThatThrownBy(() -> codec.decode(TestModels.SQS, form("Action=Nope&Version=2012-11-05")))
        .isInstanceOfSatisfying(AwsError.class, e -> {
          assertThat(e.code()).isEqualTo("InvalidAction");
          assertThat(e.status()).isEqualTo(400);
        });
  }

  @Test
  void sqsQueryErrorCarriesTheLegacyCode() {
    AwsError missing = new AwsError("QueueDoesNotExist", "The specified queue does not exist.", 400,
        "AWS.SimpleQueueService.NonExistentQueue");

    String xml = new String(codec.encodeError(TestModels.SQS, "GetQueueUrl", missing, "r").body(), StandardCharsets.UTF_8);

    assertThat(xml).contains("<ErrorResponse xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\"><Error><Type>Sender</Type>"
        + "<Code>AWS.SimpleQueueService.NonExistentQueue</Code><Message>The specified queue does not exist.</Message>"
        + "</Error><RequestId>r</RequestId></ErrorResponse>");
  }

  static AwsHttpRequest form(String body) {
    return new AwsHttpRequest("POST", "/", null,
        Map.of("content-type", List.of("application/x-www-form-urlencoded; charset=utf-8")),
        body.getBytes(StandardCharsets.UTF_8));
  }
}

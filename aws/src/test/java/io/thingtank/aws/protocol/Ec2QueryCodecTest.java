package io.thingtank.aws.protocol;

import static io.thingtank.aws.protocol.AwsJsonCodecTest.callIgnoringResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingtank.aws.AwsError;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** Round trips of ec2Query against the real SDK v2 EC2 client. */
class Ec2QueryCodecTest {
  private final CapturingHttpClient http = new CapturingHttpClient();
  private final Ec2QueryCodec codec = Ec2QueryCodec.ec2Instance();

  @Test
  void describeInstancesWithFiltersDecodesToAnEqualRequest() {
    Ec2Client ec2 = http.client(Ec2Client.builder());
    DescribeInstancesRequest sent = DescribeInstancesRequest.builder()
        .filters(Filter.builder().name("instance-state-name").values("running", "pending").build(),
            Filter.builder().name("tag:env").values("test").build())
        .instanceIds("i-1", "i-2").maxResults(50).build();

    callIgnoringResponse(() -> ec2.describeInstances(sent));

    assertThat(codec.decode(TestModels.EC2, http.last()).request()).isEqualTo(sent);
  }

  @Test
  void runInstancesDecodesToAnEqualRequest() {
    Ec2Client ec2 = http.client(Ec2Client.builder());
    RunInstancesRequest sent = RunInstancesRequest.builder().imageId("ami-1").instanceType(InstanceType.T3_MICRO)
        .minCount(1).maxCount(2).securityGroupIds("sg-1").userData("ZWNobyBoaQ==")
        .blockDeviceMappings(BlockDeviceMapping.builder().deviceName("/dev/xvda")
            .ebs(EbsBlockDevice.builder().volumeSize(8).deleteOnTermination(true).build()).build())
        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
            .tags(Tag.builder().key("Name").value("web").build()).build())
        .build();

    callIgnoringResponse(() -> ec2.runInstances(sent));

    RunInstancesRequest decoded = (RunInstancesRequest) codec.decode(TestModels.EC2, http.last()).request();
    assertThat(decoded.clientToken()).as("idempotency token the SDK fills in").isNotBlank();
    assertThat(decoded).isEqualTo(sent.toBuilder().clientToken(decoded.clientToken()).build());
  }

  @Test
  void describeInstancesResponseIsParsedIntoAnEqualResponse() {
    Ec2Client ec2 = http.client(Ec2Client.builder());
    DescribeInstancesResponse ours = DescribeInstancesResponse.builder().reservations(Reservation.builder()
        .reservationId("r-1").ownerId("000000000000")
        .instances(Instance.builder().instanceId("i-1").imageId("ami-1").instanceType(InstanceType.T3_MICRO)
            .launchTime(Instant.parse("2024-03-04T05:06:07Z"))
            .state(InstanceState.builder().code(16).name(InstanceStateName.RUNNING).build())
            .tags(Tag.builder().key("Name").value("web").build())
            .privateIpAddress("10.0.0.5").build())
        .build()).build();
    http.respond(r -> codec.encode(TestModels.EC2, "DescribeInstances", ours, "req-1"));

    DescribeInstancesResponse parsed = ec2.describeInstances(b -> b.instanceIds("i-1"));

    SdkAssertions.assertSameFields(parsed, ours);
    assertThat(parsed.responseMetadata().requestId()).isEqualTo("req-1");
  }

  @Test
  void errorSurfacesWithItsCode() {
    Ec2Client ec2 = http.client(Ec2Client.builder());
    http.respond(r -> codec.encodeError(TestModels.EC2, "DescribeInstances",
        new AwsError("InvalidInstanceID.NotFound", "The instance ID 'i-9' does not exist", 400), "req-2"));

    assertThatThrownBy(() -> ec2.describeInstances(b -> b.instanceIds("i-9")))
        .isInstanceOfSatisfying(Ec2Exception.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInstanceID.NotFound");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The instance ID 'i-9' does not exist");
          assertThat(e.requestId()).isEqualTo("req-2");
        });
  }
}

package io.thingtank.aws.protocol;

import static io.thingtank.aws.protocol.AwsJsonCodecTest.callIgnoringResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingtank.aws.AwsError;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** Round trips of Smithy rpc-v2-cbor against the real SDK v2 CloudWatch client (its default protocol at 2.57.8). */
class RpcV2CborCodecTest {
  private final CapturingHttpClient http = new CapturingHttpClient();
  private final RpcV2CborCodec codec = RpcV2CborCodec.instance();

  @Test
  void putMetricDataDecodesToAnEqualRequest() {
    CloudWatchClient cw = http.client(CloudWatchClient.builder());
    PutMetricDataRequest sent = PutMetricDataRequest.builder().namespace("ThingTank/Devices")
        .metricData(MetricDatum.builder().metricName("temperature").unit(StandardUnit.NONE).value(21.5)
            .timestamp(Instant.parse("2024-06-01T10:00:00.250Z"))
            .dimensions(Dimension.builder().name("device").value("d1").build()).build())
        .build();

    callIgnoringResponse(() -> cw.putMetricData(sent));

    assertThat(http.last().header("smithy-protocol")).isEqualTo("rpc-v2-cbor");
    assertThat(http.last().rawPath()).isEqualTo("/service/GraniteServiceVersion20100801/operation/PutMetricData");
    AwsCall call = codec.decode(TestModels.CLOUDWATCH, http.last());
    assertThat(call.operation()).isEqualTo("PutMetricData");
    assertThat(call.request()).isEqualTo(sent);
  }

  @Test
  void getMetricStatisticsResponseIsParsedIntoAnEqualResponse() {
    CloudWatchClient cw = http.client(CloudWatchClient.builder());
    GetMetricStatisticsResponse ours = GetMetricStatisticsResponse.builder().label("temperature")
        .datapoints(Datapoint.builder().timestamp(Instant.parse("2024-06-01T10:00:00Z")).average(20.25)
            .maximum(22.0).sampleCount(4.0).unit(StandardUnit.NONE).build())
        .build();
    http.respond(r -> codec.encode(TestModels.CLOUDWATCH, "GetMetricStatistics", ours, "req-1"));

    GetMetricStatisticsResponse parsed = cw.getMetricStatistics(GetMetricStatisticsRequest.builder()
        .namespace("ThingTank/Devices").metricName("temperature").period(60)
        .startTime(Instant.parse("2024-06-01T09:00:00Z")).endTime(Instant.parse("2024-06-01T11:00:00Z"))
        .statistics(Statistic.AVERAGE, Statistic.MAXIMUM).build());

    SdkAssertions.assertSameFields(parsed, ours);
  }

  @Test
  void queryCompatibleErrorSurfacesAsTheModelledException() {
    CloudWatchClient cw = http.client(CloudWatchClient.builder());
    http.respond(r -> codec.encodeError(TestModels.CLOUDWATCH, "DescribeAlarmHistory",
        new AwsError("ResourceNotFoundException", "No such alarm", 404, "ResourceNotFound"), "req-2"));

    assertThatThrownBy(() -> cw.describeAlarmHistory(b -> b.alarmName("a")))
        .isInstanceOfSatisfying(ResourceNotFoundException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("No such alarm"));
  }
}

package io.thingtank.aws.protocol;

import static io.thingtank.aws.protocol.AwsJsonCodecTest.callIgnoringResponse;
import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.aws.AwsError;
import io.thingtank.aws.AwsServiceModel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tagging;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Valid requests from the real SDK clients, truncated and mutated (seeded, bounded): every codec
 * must either decode them or fail with an {@link AwsError} of status 4xx, never another exception.
 */
class MutatedRequestTest {
  private static final int MUTATIONS_PER_SEED = 300;
  private static final byte[] INTERESTING = "{}[]\":,.&=%<>/\\0-1eE+ \u00ff\u0080\u00bf\u009f\u00f6".getBytes(StandardCharsets.ISO_8859_1);

  private record Seed(String name, AwsServiceModel model, AwsCodec codec, AwsHttpRequest request) {}

  @Test
  void mutatedRequestsDecodeOrFailWithAClientError() {
    List<Seed> seeds = seeds();
    Random random = new Random(20240501L);
    List<String> failures = new ArrayList<>();
    int cases = 0;
    int rejected = 0;
    for (Seed seed : seeds) {
      assertThat(seed.codec().decode(seed.model(), seed.request()).request()).as(seed.name()).isNotNull();
      for (int i = 0; i < MUTATIONS_PER_SEED; i++) {
        AwsHttpRequest mutated = mutate(seed.request(), random);
        cases++;
        try {
          seed.codec().decode(seed.model(), mutated);
        } catch (AwsError e) {
          rejected++;
          if (e.status() < 400 || e.status() >= 500) failures.add(seed.name() + ": status " + e.status() + " " + e.code());
        } catch (RuntimeException | StackOverflowError e) {
          failures.add(seed.name() + ": " + e + " at " + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?"));
        }
      }
    }
    assertThat(cases).isEqualTo(seeds.size() * MUTATIONS_PER_SEED);
    System.out.printf("mutated requests: %d, rejected with AwsError: %d%n", cases, rejected);
    assertThat(rejected).as("mutations reach the decoders").isBetween(cases / 10, cases - cases / 10);
    assertThat(failures).as("%d of %d mutated requests", failures.size(), cases).isEmpty();
  }

  private static AwsHttpRequest mutate(AwsHttpRequest r, Random random) {
    byte[] body = r.body() == null ? new byte[0] : r.body();
    String query = r.rawQuery();
    String path = r.rawPath();
    Map<String, List<String>> headers = new HashMap<>(r.headers());
    switch (random.nextInt(6)) {
      case 0 -> body = java.util.Arrays.copyOf(body, body.length == 0 ? 0 : random.nextInt(body.length));
      case 1, 2 -> body = mutateBytes(body, random);
      case 3 -> query = query == null ? "x=%" : new String(mutateBytes(query.getBytes(StandardCharsets.UTF_8), random),
          StandardCharsets.ISO_8859_1);
      case 4 -> path = new String(mutateBytes(path.getBytes(StandardCharsets.UTF_8), random), StandardCharsets.ISO_8859_1);
      default -> {
        List<String> names = new ArrayList<>(headers.keySet());
        String name = names.get(random.nextInt(names.size()));
        String value = headers.get(name).get(0);
        headers.put(name, List.of(new String(mutateBytes(value.getBytes(StandardCharsets.UTF_8), random),
            StandardCharsets.ISO_8859_1)));
      }
    }
    return new AwsHttpRequest(r.method(), path, query, headers, body);
  }

  private static byte[] mutateBytes(byte[] in, Random random) {
    byte[] out = in.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      if (out.length == 0) return new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]};
      int at = random.nextInt(out.length);
      switch (random.nextInt(4)) {
        case 0 -> out[at] = (byte) random.nextInt(256);
        case 1 -> out[at] = INTERESTING[random.nextInt(INTERESTING.length)];
        case 2 -> {
          byte[] longer = new byte[out.length + 1];
          System.arraycopy(out, 0, longer, 0, at);
          longer[at] = INTERESTING[random.nextInt(INTERESTING.length)];
          System.arraycopy(out, at, longer, at + 1, out.length - at);
          out = longer;
        }
        default -> {
          int len = Math.min(out.length - at, 1 + random.nextInt(8));
          byte[] shorter = new byte[out.length - len];
          System.arraycopy(out, 0, shorter, 0, at);
          System.arraycopy(out, at + len, shorter, at, out.length - at - len);
          out = shorter;
        }
      }
    }
    return out;
  }

  private static List<Seed> seeds() {
    CapturingHttpClient http = new CapturingHttpClient();
    List<Seed> seeds = new ArrayList<>();
    callIgnoringResponse(() -> http.client(SqsClient.builder()).sendMessage(b -> b.queueUrl("http://q").messageBody("hi")
        .delaySeconds(1).messageAttributes(Map.of("a", MessageAttributeValue.builder().dataType("Number").stringValue("1").build()))));
    seeds.add(new Seed("sqs-json", TestModels.SQS, AwsJsonCodec.json10(), http.last()));
    callIgnoringResponse(() -> http.client(DynamoDbClient.builder()).putItem(b -> b.tableName("t").item(Map.of(
        "k", AttributeValue.fromS("v"), "n", AttributeValue.fromN("1"), "b", AttributeValue.fromB(SdkBytes.fromUtf8String("x")),
        "m", AttributeValue.fromM(Map.of("l", AttributeValue.fromL(List.of(AttributeValue.fromBool(true)))))))));
    seeds.add(new Seed("dynamodb-json", TestModels.DYNAMODB, AwsJsonCodec.json10(), http.last()));
    callIgnoringResponse(() -> http.client(KinesisClient.builder()).putRecord(b -> b.streamName("s").partitionKey("p")
        .data(SdkBytes.fromUtf8String("payload"))));
    seeds.add(new Seed("kinesis-cbor", TestModels.KINESIS, AwsJsonCodec.kinesisCbor(), http.last()));
    callIgnoringResponse(() -> http.client(CloudWatchClient.builder()).putMetricData(b -> b.namespace("n").metricData(
        MetricDatum.builder().metricName("m").value(1.5).timestamp(Instant.parse("2024-01-01T00:00:00Z")).build())));
    seeds.add(new Seed("cloudwatch-rpcv2", TestModels.CLOUDWATCH, RpcV2CborCodec.instance(), http.last()));
    callIgnoringResponse(() -> http.client(AutoScalingClient.builder()).createAutoScalingGroup(b -> b
        .autoScalingGroupName("g").minSize(1).maxSize(2).availabilityZones("a", "b")
        .tags(Tag.builder().key("k").value("v").propagateAtLaunch(true).build())));
    seeds.add(new Seed("autoscaling-query", TestModels.AUTOSCALING, AwsQueryCodec.instance(), http.last()));
    callIgnoringResponse(() -> http.client(Ec2Client.builder()).describeInstances(b -> b.maxResults(5)
        .filters(Filter.builder().name("n").values("a", "b").build())));
    seeds.add(new Seed("ec2-query", TestModels.EC2, Ec2QueryCodec.ec2Instance(), http.last()));
    seeds.add(new Seed("sqs-query", TestModels.SQS, SqsQueryCodec.sqsInstance(), AwsQueryCodecTest.form(
        "Action=SetQueueAttributes&QueueUrl=q&Attribute.1.Name=DelaySeconds&Attribute.1.Value=1")));
    RestXmlCodec restXml = new RestXmlCodec(OperationTable.load("s3"));
    S3Client s3 = http.client(S3Client.builder().forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED));
    callIgnoringResponse(() -> s3.putBucketTagging(b -> b.bucket("b").tagging(Tagging.builder()
        .tagSet(software.amazon.awssdk.services.s3.model.Tag.builder().key("k").value("v").build()).build())));
    seeds.add(new Seed("s3-xml-payload", TestModels.S3, restXml, http.last()));
    callIgnoringResponse(() -> s3.listObjectsV2(b -> b.bucket("b").prefix("p/").maxKeys(10).fetchOwner(true)));
    seeds.add(new Seed("s3-query", TestModels.S3, restXml, http.last()));
    callIgnoringResponse(() -> s3.putObject(b -> b.bucket("b").key("k/x").metadata(Map.of("a", "b"))
        .expires(Instant.parse("2030-01-01T00:00:00Z")), RequestBody.fromString("x")));
    seeds.add(new Seed("s3-headers", TestModels.S3, restXml, http.last()));
    return seeds;
  }
}

package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.core.Config;
import io.thingtank.core.Node;
import io.thingtank.edge.aws.AwsGatewayModule;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Object created/removed events reach the message bus as S3 event records. */
class S3NotificationsIT {
  @TempDir Path dir;

  @Test @SuppressWarnings("unchecked")
  void putCopyDeletePublishEvents() {
    RecordingBus bus = new RecordingBus();
    String putRequestId;
    String ownerId;
    AwsGatewayModule gateway = new AwsGatewayModule(List.of(new S3Service()));
    try (Node node = Node.start(Config.forTest(dir).with(b -> b.awsPort = S3TestNode.freePort()), List.of(bus, gateway))) {
      var key = node.platform().identity().keys().get(0);
      try (S3Client s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + gateway.port()))
          .forcePathStyle(true).region(Region.US_EAST_1).httpClientBuilder(ApacheHttpClient.builder())
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(),
              key.secretAccessKey()))).build()) {
        s3.createBucket(b -> b.bucket("events"));
        putRequestId = s3.putObject(b -> b.bucket("events").key("raw/t 1.json"), RequestBody.fromString("{\"t\":21}"))
            .responseMetadata().requestId();
        ownerId = s3.getBucketAcl(b -> b.bucket("events")).owner().id();
        s3.copyObject(b -> b.sourceBucket("events").sourceKey("raw/t 1.json").destinationBucket("events")
            .destinationKey("copy.json"));
        s3.deleteObject(b -> b.bucket("events").key("raw/t 1.json"));
      }
    }
    assertThat(bus.published).extracting(RecordingBus.Published::topic).containsExactly(
        "thingtank.s3.object.created", "thingtank.s3.object.created", "thingtank.s3.object.removed");
    Map<String, Object> first = ((List<Map<String, Object>>) bus.published.get(0).kwargs().get("Records")).get(0);
    assertThat(first).containsEntry("eventName", "ObjectCreated:Put").containsEntry("eventSource", "aws:s3")
        .containsEntry("userIdentity", Map.of("principalId", ownerId))
        .containsEntry("requestParameters", Map.of("sourceIPAddress", "127.0.0.1"))
        .containsEntry("responseElements", Map.of("x-amz-request-id", putRequestId, "x-amz-id-2", putRequestId));
    Map<String, Object> s3 = (Map<String, Object>) first.get("s3");
    assertThat((Map<String, Object>) s3.get("bucket")).containsEntry("name", "events")
        .containsEntry("ownerIdentity", Map.of("principalId", ownerId));
    assertThat((Map<String, Object>) s3.get("object")).containsEntry("key", "raw/t%201.json").containsEntry("size", 8L);
    Map<String, Object> removed = ((List<Map<String, Object>>) bus.published.get(2).kwargs().get("Records")).get(0);
    assertThat(removed).containsEntry("eventName", "ObjectRemoved:Delete");
    assertThat(bus.published.get(1).kwargs().toString()).contains("ObjectCreated:Copy");
  }
}

package io.thingtank.s3.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingtank.s3.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event records S3 sends to queues (S3 User Guide, "Event message structure", version 2.1). */
class EventRecordsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OWNER = "b".repeat(64);
  private static final String WRITER = "a".repeat(64);

  private static JsonNode record(EventRecords.Change change) throws Exception {
    return JSON.readTree(EventRecords.message(change, "cfg", "us-east-1")).at("/Records/0");
  }

  @Test void createdRecordNamesTheCallerItsAddressTheRequestAndTheBucketOwner() throws Exception {
    ObjectMeta meta = new ObjectMeta("raw/t 1=a.json", "blob", 8, "0123456789abcdef0123456789abcdef", 0L, Map.of(),
        Map.of(), "STANDARD", null, null, "FULL_OBJECT", List.of(), Map.of());
    JsonNode r = record(new EventRecords.Change("ingest", meta.key(), null, "ObjectCreated:Put", meta,
        "0000000000000001", 0L, new EventOrigin(WRITER, "127.0.0.1", "req-1"), OWNER));

    assertThat(r.path("eventVersion").asText()).isEqualTo("2.1");
    assertThat(r.path("eventTime").asText()).isEqualTo("1970-01-01T00:00:00.000Z");
    assertThat(r.at("/userIdentity/principalId").asText()).isEqualTo(WRITER);
    assertThat(r.at("/requestParameters/sourceIPAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(r.at("/responseElements/x-amz-request-id").asText()).isEqualTo("req-1");
    assertThat(r.at("/responseElements/x-amz-id-2").asText()).as("this server's x-amz-id-2 header").isEqualTo("req-1");
    assertThat(r.at("/s3/configurationId").asText()).isEqualTo("cfg");
    assertThat(r.at("/s3/bucket/name").asText()).isEqualTo("ingest");
    assertThat(r.at("/s3/bucket/ownerIdentity/principalId").asText()).isEqualTo(OWNER);
    assertThat(r.at("/s3/bucket/arn").asText()).isEqualTo("arn:aws:s3:::ingest");
    assertThat(r.at("/s3/object/key").asText()).isEqualTo("raw/t+1%3Da.json");
    assertThat(r.at("/s3/object/size").asLong()).isEqualTo(8);
    assertThat(r.at("/s3/object/versionId").isMissingNode()).as("never versioned").isTrue();
    // The order of S3's example: userIdentity, requestParameters, responseElements before s3.
    assertThat(r.fieldNames()).toIterable().containsExactly("eventVersion", "eventSource", "awsRegion", "eventTime",
        "eventName", "userIdentity", "requestParameters", "responseElements", "s3");
  }

  @Test void lifecycleExpirationsAreS3sOwn() throws Exception {
    JsonNode r = record(new EventRecords.Change("ingest", "old", "v1", "LifecycleExpiration:Delete", null,
        "0000000000000002", 0L, EventOrigin.lifecycle("req-2"), OWNER));

    assertThat(r.at("/userIdentity/principalId").asText()).isEqualTo("s3.amazonaws.com");
    assertThat(r.at("/requestParameters/sourceIPAddress").asText()).isEqualTo("s3.amazonaws.com");
    assertThat(r.at("/responseElements/x-amz-request-id").asText()).isEqualTo("req-2");
    assertThat(r.at("/s3/bucket/ownerIdentity/principalId").asText()).isEqualTo(OWNER);
    assertThat(r.at("/s3/object/versionId").asText()).isEqualTo("v1");
    assertThat(r.at("/s3/object/size").isMissingNode()).as("removals carry no size").isTrue();
  }
}

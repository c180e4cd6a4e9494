package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingtank.sqs.SqsService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Bucket notification configurations and S3 event messages delivered to SQS queues (SDK S3Client + SqsClient, boto3). */
class S3QueueNotificationsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static S3TestNode tt;
  static S3Client s3;
  static SqsClient sqs;

  @BeforeAll static void start() {
    tt = new S3TestNode(dir, List.of(new SqsService()));
    s3 = tt.client();
    sqs = SqsClient.builder().endpointOverride(URI.create(tt.endpoint())).region(Region.US_EAST_1)
        .credentialsProvider(tt.credentials()).build();
  }

  @AfterAll static void stop() {
    s3.close();
    sqs.close();
    tt.close();
  }

  static String[] queue(String name) {
    String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
    String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    return new String[] {url, arn};
  }

  /** Receives until {@code count} messages came (bounded: 15 polls of at most 1 s). */
  static List<JsonNode> receive(String url, int count) throws Exception { return receive(url, count, 15); }

  /** What arrives within two polls: for checking that nothing was sent. */
  static List<JsonNode> nothingMore(String url) throws Exception { return receive(url, 1, 2); }

  static List<JsonNode> receive(String url, int count, int polls) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < polls && out.size() < count; i++) {
      for (Message m : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
        out.add(JSON.readTree(m.body()));
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
      }
    }
    return out;
  }

  static QueueConfiguration config(String id, String arn, String prefix, String suffix, String... events) {
    List<FilterRule> rules = new ArrayList<>();
    if (prefix != null) rules.add(FilterRule.builder().name(FilterRuleName.PREFIX).value(prefix).build());
    if (suffix != null) rules.add(FilterRule.builder().name(FilterRuleName.SUFFIX).value(suffix).build());
    return QueueConfiguration.builder().id(id).queueArn(arn).eventsWithStrings(events)
        .filter(f -> f.key(k -> k.filterRules(rules))).build();
  }

  static void putConfig(String bucket, QueueConfiguration... configs) {
    s3.putBucketNotificationConfiguration(b -> b.bucket(bucket)
        .notificationConfiguration(NotificationConfiguration.builder().queueConfigurations(configs).build()));
  }

  static void assertInvalid(Runnable call, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
      assertThat(e.awsErrorDetails().errorMessage()).contains(message);
    });
  }

  @Test void configurationIsValidatedStoredAndTested() throws Exception {
    s3.createBucket(b -> b.bucket("configured"));
    String[] q = queue("configured-events");
    assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket("configured")).queueConfigurations()).isEmpty();

    assertInvalid(() -> putConfig("configured", config("x", q[1].replace("configured-events", "missing"), null, null,
        "s3:ObjectCreated:*")), "Unable to validate the following destination configurations");
    assertInvalid(() -> putConfig("configured", config("x", q[1], null, null, "s3:ObjectCreated:Nope")), "not supported");
    assertInvalid(() -> putConfig("configured", config("a", q[1], "raw/", null, "s3:ObjectCreated:*"),
        config("b", q[1], "raw/2026/", null, "s3:ObjectCreated:Put")), "Configurations overlap");
    assertInvalid(() -> putConfig("configured", QueueConfiguration.builder().id("x").queueArn(q[1])
        .events(Event.S3_OBJECT_CREATED).filter(f -> f.key(k -> k.filterRules(
            FilterRule.builder().name(FilterRuleName.PREFIX).value("a").build(),
            FilterRule.builder().name(FilterRuleName.PREFIX).value("b").build()))).build()), "more than one prefix");
    assertThat(nothingMore(q[0])).as("nothing sent for rejected configurations").isEmpty();

    // Same event types with disjoint prefixes do not overlap.
    putConfig("configured", config("a", q[1], "raw/", null, "s3:ObjectCreated:*"),
        config("b", q[1], "cooked/", ".json", "s3:ObjectCreated:*", "s3:ObjectRemoved:*"));
    List<JsonNode> test = receive(q[0], 1);
    assertThat(test).hasSize(1);
    assertThat(test.get(0).path("Event").asText()).isEqualTo("s3:TestEvent");
    assertThat(test.get(0).path("Service").asText()).isEqualTo("Amazon S3");
    assertThat(test.get(0).path("Bucket").asText()).isEqualTo("configured");

    List<QueueConfiguration> stored = s3.getBucketNotificationConfiguration(b -> b.bucket("configured"))
        .queueConfigurations();
    assertThat(stored).extracting(QueueConfiguration::id).containsExactly("a", "b");
    assertThat(stored.get(1).eventsAsStrings()).containsExactly("s3:ObjectCreated:*", "s3:ObjectRemoved:*");
    assertThat(stored.get(1).filter().key().filterRules()).extracting(FilterRule::value).containsExactly("cooked/", ".json");
    assertThat(stored.get(0).queueArn()).isEqualTo(q[1]);

    s3.putBucketNotificationConfiguration(b -> b.bucket("configured")
        .notificationConfiguration(NotificationConfiguration.builder().build()));
    assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket("configured")).queueConfigurations()).isEmpty();
  }

  /** boto3 and the AWS CLI (machine python): notifications, object ACLs, public access block, ownership. */
  @Test void boto3AndAwsCli() throws Exception { PythonScript.run(tt, "s3_bucket_config.py", dir); }

  @Test void objectEventsReachTheMatchingQueues() throws Exception {
    s3.createBucket(b -> b.bucket("ingest"));
    String[] created = queue("ingest-created");
    String[] removed = queue("ingest-removed");
    putConfig("ingest", config("new-raw", created[1], "raw/", null, "s3:ObjectCreated:*"),
        config("gone-json", removed[1], null, ".json", "s3:ObjectRemoved:Delete"));
    assertThat(receive(created[0], 1)).extracting(m -> m.path("Event").asText()).containsExactly("s3:TestEvent");
    assertThat(receive(removed[0], 1)).extracting(m -> m.path("Event").asText()).containsExactly("s3:TestEvent");

    PutObjectResponse putResponse = s3.putObject(b -> b.bucket("ingest").key("raw/t 1=a.json"),
        RequestBody.fromString("{\"t\":21}"));
    String etag = putResponse.eTag();
    s3.putObject(b -> b.bucket("ingest").key("other/skip.json"), RequestBody.fromString("no"));
    s3.copyObject(b -> b.sourceBucket("ingest").sourceKey("raw/t 1=a.json").destinationBucket("ingest")
        .destinationKey("raw/copy.json"));
    String uploadId = s3.createMultipartUpload(b -> b.bucket("ingest").key("raw/big.bin")).uploadId();
    String partTag = s3.uploadPart(b -> b.bucket("ingest").key("raw/big.bin").uploadId(uploadId).partNumber(1),
        RequestBody.fromString("part")).eTag();
    s3.completeMultipartUpload(b -> b.bucket("ingest").key("raw/big.bin").uploadId(uploadId)
        .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(partTag).build())));
    String deleteRequestId = s3.deleteObject(b -> b.bucket("ingest").key("raw/t 1=a.json")).responseMetadata()
        .requestId();
    s3.deleteObject(b -> b.bucket("ingest").key("raw/big.bin"));
    String callerId = s3.getObjectAcl(b -> b.bucket("ingest").key("raw/copy.json")).owner().id();
    String bucketOwnerId = s3.getBucketAcl(b -> b.bucket("ingest")).owner().id();

    List<JsonNode> news = receive(created[0], 3);
    assertThat(news).extracting(m -> m.at("/Records/0/eventName").asText())
        .containsExactlyInAnyOrder("ObjectCreated:Put", "ObjectCreated:Copy", "ObjectCreated:CompleteMultipartUpload");
    JsonNode put = news.stream().filter(m -> m.at("/Records/0/eventName").asText().equals("ObjectCreated:Put"))
        .findFirst().orElseThrow().at("/Records/0");
    assertThat(put.path("eventVersion").asText()).isEqualTo("2.1");
    assertThat(put.path("eventSource").asText()).isEqualTo("aws:s3");
    assertThat(put.path("awsRegion").asText()).isEqualTo("us-east-1");
    assertThat(put.at("/s3/configurationId").asText()).isEqualTo("new-raw");
    assertThat(put.at("/s3/bucket/name").asText()).isEqualTo("ingest");
    assertThat(put.at("/s3/bucket/arn").asText()).isEqualTo("arn:aws:s3:::ingest");
    assertThat(put.at("/s3/object/key").asText()).isEqualTo("raw/t+1%3Da.json");
    assertThat(put.at("/s3/object/size").asLong()).isEqualTo(8);
    assertThat("\"" + put.at("/s3/object/eTag").asText() + "\"").isEqualTo(etag);
    assertThat(put.at("/s3/object/sequencer").asText()).matches("[0-9A-F]{16}");
    // Who, from where, in which request: the ids a client sees in ACLs and in the PUT's response.
    assertThat(put.at("/userIdentity/principalId").asText()).isNotEmpty().isEqualTo(callerId);
    assertThat(put.at("/requestParameters/sourceIPAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(put.at("/responseElements/x-amz-request-id").asText()).isNotEmpty()
        .isEqualTo(putResponse.responseMetadata().requestId());
    assertThat(put.at("/responseElements/x-amz-id-2").asText())
        .isEqualTo(putResponse.responseMetadata().extendedRequestId());
    assertThat(put.at("/s3/bucket/ownerIdentity/principalId").asText()).isNotEmpty().isEqualTo(bucketOwnerId);

    List<JsonNode> gone = receive(removed[0], 1);
    assertThat(gone).hasSize(1);
    assertThat(gone.get(0).at("/Records/0/eventName").asText()).isEqualTo("ObjectRemoved:Delete");
    assertThat(gone.get(0).at("/Records/0/s3/object/key").asText()).isEqualTo("raw/t+1%3Da.json");
    assertThat(gone.get(0).at("/Records/0/s3/configurationId").asText()).isEqualTo("gone-json");
    assertThat(gone.get(0).at("/Records/0/userIdentity/principalId").asText()).isEqualTo(callerId);
    assertThat(gone.get(0).at("/Records/0/responseElements/x-amz-request-id").asText()).isEqualTo(deleteRequestId);
    assertThat(nothingMore(removed[0])).as("raw/big.bin does not end in .json").isEmpty();

    // A queue deleted after the configuration was stored: the write succeeds, the event is dropped.
    sqs.deleteQueue(b -> b.queueUrl(removed[0]));
    s3.putObject(b -> b.bucket("ingest").key("raw/late.json"), RequestBody.fromString("late"));
    s3.deleteObject(b -> b.bucket("ingest").key("raw/late.json"));
    assertThat(receive(created[0], 1)).extracting(m -> m.at("/Records/0/s3/object/key").asText())
        .containsExactly("raw/late.json");
  }

  @Test void anonymousWritesAreNamedAnonymousAndTheBucketStaysItsOwners() throws Exception {
    s3.createBucket(b -> b.bucket("drop-box").acl(BucketCannedACL.PUBLIC_READ_WRITE));
    String[] q = queue("drop-box");
    putConfig("drop-box", config("all", q[1], null, null, "s3:ObjectCreated:*"));
    assertThat(receive(q[0], 1)).extracting(m -> m.path("Event").asText()).containsExactly("s3:TestEvent");

    HttpClient anonymous = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<Void> put = anonymous.send(HttpRequest.newBuilder(URI.create(tt.endpoint() + "/drop-box/note.txt"))
        .PUT(HttpRequest.BodyPublishers.ofString("hi")).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(put.statusCode()).isEqualTo(200);

    JsonNode r = receive(q[0], 1).get(0).at("/Records/0");
    assertThat(r.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
    assertThat(r.at("/userIdentity/principalId").asText()).isEqualTo("ANONYMOUS_PRINCIPAL");
    assertThat(r.at("/requestParameters/sourceIPAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(r.at("/responseElements/x-amz-request-id").asText())
        .isEqualTo(put.headers().firstValue("x-amz-request-id").orElseThrow());
    assertThat(r.at("/s3/bucket/ownerIdentity/principalId").asText())
        .isEqualTo(s3.getBucketAcl(b -> b.bucket("drop-box")).owner().id());
  }

  @Test void versionedBucketEventsCarryVersionIds() throws Exception {
    s3.createBucket(b -> b.bucket("versioned-events"));
    s3.putBucketVersioning(b -> b.bucket("versioned-events").versioningConfiguration(v -> v.status("Enabled")));
    String[] q = queue("versioned-events");
    putConfig("versioned-events", config("all", q[1], null, null, "s3:ObjectCreated:*", "s3:ObjectRemoved:*"));
    assertThat(receive(q[0], 1)).extracting(m -> m.path("Event").asText()).containsExactly("s3:TestEvent");

    String v1 = s3.putObject(b -> b.bucket("versioned-events").key("k"), RequestBody.fromString("one")).versionId();
    String marker = s3.deleteObject(b -> b.bucket("versioned-events").key("k")).versionId();
    s3.deleteObject(b -> b.bucket("versioned-events").key("k").versionId(v1));
    assertThat(v1).isNotEqualTo(marker);

    List<JsonNode> events = receive(q[0], 3);
    assertThat(events).extracting(m -> m.at("/Records/0/eventName").asText() + " " + m.at("/Records/0/s3/object/versionId")
        .asText()).containsExactlyInAnyOrder("ObjectCreated:Put " + v1, "ObjectRemoved:DeleteMarkerCreated " + marker,
        "ObjectRemoved:Delete " + v1);
    assertThat(nothingMore(q[0])).as("removing the marker raises no event").isEmpty();
  }
}

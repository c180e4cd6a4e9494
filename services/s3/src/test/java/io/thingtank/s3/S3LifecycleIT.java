package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.thingtank.core.ManualClock;
import io.thingtank.sqs.SqsService;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortIncompleteMultipartUpload;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleAndOperator;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Lifecycle configuration with the AWS SDK for Java v2, and the sweeper applying it. The node
 * runs on a {@link ManualClock} with a 10-second lifecycle "day" ({@code lifecycleDayMillis}),
 * and the test runs each sweep itself: nothing waits for real time. SQS runs beside S3 to receive
 * the lifecycle's event notifications.
 */
class S3LifecycleIT {
  static final long DAY = 10_000;
  @TempDir static Path dir;
  static ManualClock clock = new ManualClock(System.currentTimeMillis());
  static S3TestNode tt;
  static S3Client s3;
  static SqsClient sqs;

  @BeforeAll static void start() {
    tt = new S3TestNode(dir, clock, JsonNodeFactory.instance.objectNode().put("lifecycleDayMillis", DAY)
        .put("lifecyclePeriodMillis", TimeUnit.DAYS.toMillis(1)), List.of(new SqsService()));
    s3 = tt.client();
    sqs = SqsClient.builder().endpointOverride(URI.create(tt.endpoint())).region(Region.US_EAST_1)
        .credentialsProvider(tt.credentials()).build();
  }

  @AfterAll static void stop() {
    s3.close();
    sqs.close();
    tt.close();
  }

  static int sweep() {
    return tt.service.sweepLifecycle().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
  }

  static LifecycleRule.Builder rule(String id, String prefix) {
    return LifecycleRule.builder().id(id).status(ExpirationStatus.ENABLED)
        .filter(LifecycleRuleFilter.builder().prefix(prefix).build());
  }

  static void lifecycle(String bucket, LifecycleRule... rules) {
    s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(
        BucketLifecycleConfiguration.builder().rules(rules).build()));
  }

  static S3Exception failure(Runnable call) {
    try {
      call.run();
    } catch (S3Exception e) {
      return e;
    }
    throw new AssertionError("call succeeded");
  }

  static List<String> keys(String bucket) {
    return s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(o -> o.key()).toList();
  }

  @Test void configurationRoundTripsAndIsValidatedAsS3Does() {
    s3.createBucket(b -> b.bucket("lc-config"));
    assertThat(failure(() -> s3.getBucketLifecycleConfiguration(b -> b.bucket("lc-config"))).awsErrorDetails()
        .errorCode()).isEqualTo("NoSuchLifecycleConfiguration");
    LifecycleRule and = LifecycleRule.builder().id("and").status(ExpirationStatus.DISABLED)
        .filter(LifecycleRuleFilter.builder().and(LifecycleRuleAndOperator.builder().prefix("logs/")
            .tags(Tag.builder().key("kind").value("debug").build()).objectSizeGreaterThan(10L).build()).build())
        .expiration(LifecycleExpiration.builder().days(30).build())
        .noncurrentVersionExpiration(NoncurrentVersionExpiration.builder().noncurrentDays(7).newerNoncurrentVersions(2)
            .build()).build();
    LifecycleRule markers = rule("markers", "").expiration(LifecycleExpiration.builder()
        .expiredObjectDeleteMarker(true).build())
        .abortIncompleteMultipartUpload(AbortIncompleteMultipartUpload.builder().daysAfterInitiation(3).build()).build();
    lifecycle("lc-config", and, markers);
    List<LifecycleRule> got = s3.getBucketLifecycleConfiguration(b -> b.bucket("lc-config")).rules();
    assertThat(got).containsExactly(and, markers);
    assertThat(failure(() -> lifecycle("lc-config", and.toBuilder().abortIncompleteMultipartUpload(a -> a
        .daysAfterInitiation(1)).build())).awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");

    // S3's checks: positive days, unique ids, known status, one filter form, an action
    assertThat(failure(() -> lifecycle("lc-config", rule("zero", "x").expiration(e -> e.days(0)).build()))
        .awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    assertThat(failure(() -> lifecycle("lc-config", rule("same", "x").expiration(e -> e.days(1)).build(),
        rule("same", "y").expiration(e -> e.days(1)).build())).awsErrorDetails().errorCode())
        .isEqualTo("InvalidArgument");
    assertThat(failure(() -> lifecycle("lc-config", rule("st", "x").status("Maybe").expiration(e -> e.days(1)).build()))
        .awsErrorDetails().errorCode()).isEqualTo("MalformedXML");
    @SuppressWarnings("deprecation")
    LifecycleRule both = rule("both", "x").prefix("y").expiration(e -> e.days(1)).build();
    assertThat(failure(() -> lifecycle("lc-config", both)).awsErrorDetails().errorCode()).isEqualTo("MalformedXML");
    assertThat(failure(() -> lifecycle("lc-config", rule("none", "x").build())).awsErrorDetails().errorCode())
        .isEqualTo("InvalidRequest");
    assertThat(s3.getBucketLifecycleConfiguration(b -> b.bucket("lc-config")).rules()).hasSize(2);

    s3.deleteBucketLifecycle(b -> b.bucket("lc-config"));
    assertThat(failure(() -> s3.getBucketLifecycleConfiguration(b -> b.bucket("lc-config"))).statusCode())
        .isEqualTo(404);
  }

  @Test void expirationDeletesMatchingObjectsOfAnUnversionedBucket() {
    // GIVEN rules on a prefix and on a tag, and objects that match them or not
    s3.createBucket(b -> b.bucket("lc-plain"));
    lifecycle("lc-plain", rule("tmp", "tmp/").expiration(e -> e.days(1)).build(),
        LifecycleRule.builder().id("tagged").status(ExpirationStatus.ENABLED).filter(f -> f.tag(t -> t.key("ttl")
            .value("short"))).expiration(e -> e.days(3)).build());
    var put = s3.putObject(b -> b.bucket("lc-plain").key("tmp/a"), RequestBody.fromString("scratch"));
    s3.putObject(b -> b.bucket("lc-plain").key("keep/b"), RequestBody.fromString("kept"));
    s3.putObject(b -> b.bucket("lc-plain").key("keep/c").tagging("ttl=short"), RequestBody.fromString("tagged"));

    // THEN PUT and HEAD announce the expiry of matching objects only
    assertThat(put.expiration()).contains("rule-id=\"tmp\"").contains("expiry-date=\"");
    assertThat(s3.headObject(b -> b.bucket("lc-plain").key("keep/c")).expiration()).contains("rule-id=\"tagged\"");
    assertThat(s3.headObject(b -> b.bucket("lc-plain").key("keep/b")).expiration()).isNull();

    // WHEN less than a day passes nothing goes; after two days the tmp/ object goes; after four the tagged one
    clock.advance(DAY / 2);
    sweep();
    assertThat(keys("lc-plain")).containsExactly("keep/b", "keep/c", "tmp/a");
    clock.advance(2 * DAY);
    sweep();
    assertThat(keys("lc-plain")).containsExactly("keep/b", "keep/c");
    clock.advance(2 * DAY);
    sweep();
    assertThat(keys("lc-plain")).containsExactly("keep/b");
  }

  @Test void versionedBucketGetsDeleteMarkersAndLosesNoncurrentVersions() {
    s3.createBucket(b -> b.bucket("lc-ver"));
    s3.putBucketVersioning(b -> b.bucket("lc-ver").versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    lifecycle("lc-ver",
        rule("a-current", "a/").expiration(e -> e.days(1))
            .noncurrentVersionExpiration(n -> n.noncurrentDays(1)).build(),
        rule("a-markers", "a/").expiration(e -> e.expiredObjectDeleteMarker(true)).build(),
        rule("b-keep-one", "b/").noncurrentVersionExpiration(n -> n.noncurrentDays(1).newerNoncurrentVersions(1))
            .build());
    for (String body : List.of("1", "2")) s3.putObject(b -> b.bucket("lc-ver").key("a/k"), RequestBody.fromString(body));
    for (String body : List.of("1", "2", "3")) {
      s3.putObject(b -> b.bucket("lc-ver").key("b/k"), RequestBody.fromString(body));
    }

    // WHEN two days pass
    clock.advance(2 * DAY);
    sweep();

    // THEN a/k's current version is hidden by a delete marker and its old noncurrent version is gone;
    // b/k keeps its current version and the newest noncurrent one
    var listed = s3.listObjectVersions(b -> b.bucket("lc-ver"));
    assertThat(listed.deleteMarkers()).singleElement().satisfies(m -> {
      assertThat(m.key()).isEqualTo("a/k");
      assertThat(m.isLatest()).isTrue();
    });
    assertThat(listed.versions()).extracting(ObjectVersion::key).containsExactly("a/k", "b/k", "b/k");
    assertThat(keys("lc-ver")).containsExactly("b/k");

    // WHEN two more days pass THEN a/k's last version goes, and with it the marker left alone
    clock.advance(2 * DAY);
    sweep();
    listed = s3.listObjectVersions(b -> b.bucket("lc-ver"));
    assertThat(listed.deleteMarkers()).isEmpty();
    assertThat(listed.versions()).extracting(ObjectVersion::key).containsExactly("b/k", "b/k");
  }

  @Test void expirationDaysAlsoRemovesALoneDeleteMarkerOnceItIsThatOld() {
    s3.createBucket(b -> b.bucket("lc-lone"));
    s3.putBucketVersioning(b -> b.bucket("lc-lone").versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    s3.putObject(b -> b.bucket("lc-lone").key("k"), RequestBody.fromString("v"));
    s3.deleteObject(b -> b.bucket("lc-lone").key("k"));
    lifecycle("lc-lone", rule("all", "").expiration(e -> e.days(3)).noncurrentVersionExpiration(n -> n.noncurrentDays(1))
        .build());

    clock.advance(2 * DAY);
    sweep();
    var listed = s3.listObjectVersions(b -> b.bucket("lc-lone"));
    assertThat(listed.versions()).isEmpty();
    assertThat(listed.deleteMarkers()).hasSize(1);

    clock.advance(2 * DAY);
    sweep();
    assertThat(s3.listObjectVersions(b -> b.bucket("lc-lone")).deleteMarkers()).isEmpty();
  }

  @Test void incompleteMultipartUploadsAreAborted() {
    s3.createBucket(b -> b.bucket("lc-mp"));
    lifecycle("lc-mp", rule("uploads", "up/").abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(1)).build());
    String stale = s3.createMultipartUpload(b -> b.bucket("lc-mp").key("up/x")).uploadId();
    s3.uploadPart(b -> b.bucket("lc-mp").key("up/x").uploadId(stale).partNumber(1), RequestBody.fromString("part"));
    s3.createMultipartUpload(b -> b.bucket("lc-mp").key("other/y"));

    clock.advance(2 * DAY);
    sweep();

    assertThat(s3.listMultipartUploads(b -> b.bucket("lc-mp")).uploads()).extracting(u -> u.key())
        .containsExactly("other/y");
    assertThatThrownBy(() -> s3.listParts(b -> b.bucket("lc-mp").key("up/x").uploadId(stale)))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
            .isEqualTo("NoSuchUpload"));
  }

  @Test void expirationsRaiseLifecycleEvents() throws Exception {
    // GIVEN a versioned bucket whose expirations and removals are sent to a queue, and two versions of a key
    s3.createBucket(b -> b.bucket("lc-events"));
    s3.putBucketVersioning(b -> b.bucket("lc-events").versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    String url = sqs.createQueue(b -> b.queueName("lc-events")).queueUrl();
    String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
        .get(QueueAttributeName.QUEUE_ARN);
    s3.putBucketNotificationConfiguration(b -> b.bucket("lc-events").notificationConfiguration(n -> n.queueConfigurations(
        q -> q.id("expiry").queueArn(arn).eventsWithStrings("s3:LifecycleExpiration:*", "s3:ObjectRemoved:*"))));
    String v1 = s3.putObject(b -> b.bucket("lc-events").key("k"), RequestBody.fromString("1")).versionId();
    s3.putObject(b -> b.bucket("lc-events").key("k"), RequestBody.fromString("2"));
    lifecycle("lc-events", rule("all", "").expiration(e -> e.days(1)).noncurrentVersionExpiration(n -> n.noncurrentDays(1))
        .build());

    // WHEN two days pass
    clock.advance(2 * DAY);
    sweep();

    // THEN the current version gets a delete marker and the old noncurrent one goes, each with its lifecycle event
    String marker = s3.listObjectVersions(b -> b.bucket("lc-events")).deleteMarkers().get(0).versionId();
    List<JsonNode> records = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < 50 && records.size() < 3; i++) {
      for (Message m : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()) {
        records.add(json.readTree(m.body()));
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
      }
      if (records.size() < 3) Thread.sleep(100);
    }
    assertThat(records).extracting(r -> r.path("Event").asText("") + r.at("/Records/0/eventName").asText("") + " "
        + r.at("/Records/0/s3/object/versionId").asText("")).containsExactlyInAnyOrder("s3:TestEvent ",
        "LifecycleExpiration:DeleteMarkerCreated " + marker, "LifecycleExpiration:Delete " + v1);
    // S3 itself is the principal and the source (S3 User Guide, "Configuring S3 Lifecycle event
    // notifications"), each expiration in a request of its own; the bucket is still its owner's.
    String ownerId = s3.getBucketAcl(b -> b.bucket("lc-events")).owner().id();
    List<JsonNode> expired = records.stream().map(r -> r.at("/Records/0")).filter(r -> !r.isMissingNode()).toList();
    assertThat(expired).hasSize(2).allSatisfy(r -> {
      assertThat(r.at("/userIdentity/principalId").asText()).isEqualTo("s3.amazonaws.com");
      assertThat(r.at("/requestParameters/sourceIPAddress").asText()).isEqualTo("s3.amazonaws.com");
      assertThat(r.at("/responseElements/x-amz-request-id").asText()).isNotEmpty();
      assertThat(r.at("/s3/bucket/ownerIdentity/principalId").asText()).isEqualTo(ownerId);
    });
    assertThat(expired).extracting(r -> r.at("/responseElements/x-amz-request-id").asText()).doesNotHaveDuplicates();
  }

  @Test void boto3AndAwsCli(@TempDir Path work) throws Exception {
    PythonScript.run(tt, "s3_lifecycle.py", work);
  }
}

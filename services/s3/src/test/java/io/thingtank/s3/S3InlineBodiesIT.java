package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.thingtank.core.ManualClock;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;

/**
 * Small bodies stored inline in RocksDB ({@code s3-bodies}) instead of as files, through the AWS
 * SDK for Java v2 sending plain (not aws-chunked) bodies: every reader (GET with ranges and part
 * numbers, HEAD, attributes, CopyObject, UploadPartCopy) sees them, and every writer that drops a
 * version (overwrite, delete, versioned delete, multipart completion, lifecycle expiry) removes its
 * row. The node runs on a {@link ManualClock} with a 10-second lifecycle day.
 */
class S3InlineBodiesIT {
  static final long DAY = 10_000;
  @TempDir static Path dir;
  static final ManualClock clock = new ManualClock(System.currentTimeMillis());
  static S3TestNode tt;
  static S3Client s3;

  @BeforeAll static void start() {
    tt = new S3TestNode(dir, clock, JsonNodeFactory.instance.objectNode().put("lifecycleDayMillis", DAY)
        .put("lifecyclePeriodMillis", TimeUnit.DAYS.toMillis(1)));
    s3 = tt.plainBodyClient();
  }

  @AfterAll static void stop() {
    s3.close();
    tt.close();
  }

  static byte[] body(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  static void put(String bucket, String key, byte[] body) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
  }

  static byte[] get(String bucket, String key) { return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray(); }

  @Test void smallBodiesAreInlineAndReadWholeByRangeByPartAndByHead() {
    s3.createBucket(b -> b.bucket("inline-read"));
    int before = tt.inlineBodies();
    byte[] small = body(4096, 1);
    byte[] limit = body(64 * 1024, 2);
    byte[] large = body(64 * 1024 + 1, 3);
    put("inline-read", "small", small);
    put("inline-read", "limit", limit);
    put("inline-read", "large", large);
    // THEN the two bodies up to 64 KiB are rows, the larger one a file
    assertThat(tt.inlineBodies()).isEqualTo(before + 2);
    assertThat(get("inline-read", "small")).isEqualTo(small);
    assertThat(get("inline-read", "limit")).isEqualTo(limit);
    assertThat(get("inline-read", "large")).isEqualTo(large);

    ResponseBytes<GetObjectResponse> range = s3.getObjectAsBytes(b -> b.bucket("inline-read").key("small")
        .range("bytes=100-199"));
    assertThat(range.response().contentRange()).isEqualTo("bytes 100-199/4096");
    assertThat(range.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(small, 100, 200));
    ResponseBytes<GetObjectResponse> tail = s3.getObjectAsBytes(b -> b.bucket("inline-read").key("small")
        .range("bytes=-10"));
    assertThat(tail.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(small, 4086, 4096));
    ResponseBytes<GetObjectResponse> part = s3.getObjectAsBytes(b -> b.bucket("inline-read").key("small").partNumber(1));
    assertThat(part.asByteArray()).isEqualTo(small);
    assertThat(s3.headObject(b -> b.bucket("inline-read").key("small")).contentLength()).isEqualTo(4096L);
    var attrs = s3.getObjectAttributes(b -> b.bucket("inline-read").key("small")
        .objectAttributes(ObjectAttributes.OBJECT_SIZE, ObjectAttributes.E_TAG));
    assertThat(attrs.objectSize()).isEqualTo(4096L);
    assertThat(attrs.eTag()).isEqualTo(s3.headObject(b -> b.bucket("inline-read").key("small")).eTag().replace("\"", ""));
  }

  @Test void overwriteAndDeleteRemoveTheOldRow() {
    s3.createBucket(b -> b.bucket("inline-overwrite"));
    int before = tt.inlineBodies();
    put("inline-overwrite", "k", body(1000, 4));
    byte[] second = body(2000, 5);
    put("inline-overwrite", "k", second);
    assertThat(tt.inlineBodies()).isEqualTo(before + 1);
    assertThat(get("inline-overwrite", "k")).isEqualTo(second);
    // an inline body replaced by a file body, and back
    put("inline-overwrite", "k", body(100_000, 6));
    assertThat(tt.inlineBodies()).isEqualTo(before);
    put("inline-overwrite", "k", second);
    assertThat(tt.inlineBodies()).isEqualTo(before + 1);
    s3.deleteObject(b -> b.bucket("inline-overwrite").key("k"));
    assertThat(tt.inlineBodies()).isEqualTo(before);
    S3TestNode.assertCode(() -> get("inline-overwrite", "k"), "NoSuchKey");
  }

  @Test void copiesReadAnInlineSource() {
    s3.createBucket(b -> b.bucket("inline-copy"));
    byte[] src = body(4096, 7);
    put("inline-copy", "src", src);
    String etag = s3.headObject(b -> b.bucket("inline-copy").key("src")).eTag();

    // WHEN copied as it is, with REPLACE metadata, and onto itself with REPLACE
    s3.copyObject(b -> b.sourceBucket("inline-copy").sourceKey("src").destinationBucket("inline-copy")
        .destinationKey("copy"));
    s3.copyObject(b -> b.sourceBucket("inline-copy").sourceKey("src").destinationBucket("inline-copy")
        .destinationKey("replaced").metadataDirective(MetadataDirective.REPLACE).contentType("text/plain")
        .metadata(java.util.Map.of("color", "blue")));
    int before = tt.inlineBodies();
    s3.copyObject(b -> b.sourceBucket("inline-copy").sourceKey("src").destinationBucket("inline-copy")
        .destinationKey("src").metadataDirective(MetadataDirective.REPLACE).metadata(java.util.Map.of("v", "2")));

    // THEN every copy has the source's bytes and ETag; the self-copy dropped the old inline row
    assertThat(get("inline-copy", "copy")).isEqualTo(src);
    assertThat(s3.headObject(b -> b.bucket("inline-copy").key("copy")).eTag()).isEqualTo(etag);
    var replaced = s3.getObjectAsBytes(b -> b.bucket("inline-copy").key("replaced"));
    assertThat(replaced.asByteArray()).isEqualTo(src);
    assertThat(replaced.response().contentType()).isEqualTo("text/plain");
    assertThat(replaced.response().metadata()).containsEntry("color", "blue");
    assertThat(get("inline-copy", "src")).isEqualTo(src);
    assertThat(s3.headObject(b -> b.bucket("inline-copy").key("src")).metadata()).containsEntry("v", "2");
    assertThat(tt.inlineBodies()).isEqualTo(before - 1);

    // WHEN a 5 MiB part and a range of an inline object are joined by UploadPartCopy
    put("inline-copy", "small", src);
    byte[] big = body(5 * 1024 * 1024, 8);
    String upload = s3.createMultipartUpload(b -> b.bucket("inline-copy").key("joined")).uploadId();
    String e1 = s3.uploadPart(b -> b.bucket("inline-copy").key("joined").uploadId(upload).partNumber(1),
        RequestBody.fromBytes(big)).eTag();
    String e2 = s3.uploadPartCopy(b -> b.sourceBucket("inline-copy").sourceKey("small").copySourceRange("bytes=10-1009")
        .destinationBucket("inline-copy").destinationKey("joined").uploadId(upload).partNumber(2))
        .copyPartResult().eTag();
    s3.completeMultipartUpload(b -> b.bucket("inline-copy").key("joined").uploadId(upload)
        .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(e1).build(),
            CompletedPart.builder().partNumber(2).eTag(e2).build())));
    byte[] joined = get("inline-copy", "joined");
    assertThat(joined).hasSize(big.length + 1000);
    assertThat(java.util.Arrays.copyOfRange(joined, 0, big.length)).isEqualTo(big);
    assertThat(java.util.Arrays.copyOfRange(joined, big.length, joined.length))
        .isEqualTo(java.util.Arrays.copyOfRange(src, 10, 1010));
  }

  @Test void multipartCompletionOverAnInlineObjectRemovesItsRow() {
    s3.createBucket(b -> b.bucket("inline-multipart"));
    int before = tt.inlineBodies();
    put("inline-multipart", "k", body(4096, 9));
    assertThat(tt.inlineBodies()).isEqualTo(before + 1);
    byte[] p1 = body(5 * 1024 * 1024, 10);
    byte[] p2 = body(3000, 11);
    String upload = s3.createMultipartUpload(b -> b.bucket("inline-multipart").key("k")).uploadId();
    String e1 = s3.uploadPart(b -> b.bucket("inline-multipart").key("k").uploadId(upload).partNumber(1),
        RequestBody.fromBytes(p1)).eTag();
    String e2 = s3.uploadPart(b -> b.bucket("inline-multipart").key("k").uploadId(upload).partNumber(2),
        RequestBody.fromBytes(p2)).eTag();
    s3.completeMultipartUpload(b -> b.bucket("inline-multipart").key("k").uploadId(upload)
        .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(e1).build(),
            CompletedPart.builder().partNumber(2).eTag(e2).build())));
    assertThat(tt.inlineBodies()).isEqualTo(before);
    byte[] got = get("inline-multipart", "k");
    assertThat(java.util.Arrays.copyOfRange(got, p1.length, got.length)).isEqualTo(p2);
    assertThat(s3.getObjectAsBytes(b -> b.bucket("inline-multipart").key("k").partNumber(2)).asByteArray()).isEqualTo(p2);
  }

  @Test void versionsKeepTheirRowsUntilEachIsDeleted() {
    s3.createBucket(b -> b.bucket("inline-versions"));
    int before = tt.inlineBodies();
    put("inline-versions", "k", body(10, 12)); // the null version, from before versioning
    s3.putBucketVersioning(b -> b.bucket("inline-versions")
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    byte[] v1 = body(4096, 13);
    byte[] v2 = body(4096, 14);
    String id1 = s3.putObject(b -> b.bucket("inline-versions").key("k"), RequestBody.fromBytes(v1)).versionId();
    String id2 = s3.putObject(b -> b.bucket("inline-versions").key("k"), RequestBody.fromBytes(v2)).versionId();
    assertThat(tt.inlineBodies()).isEqualTo(before + 3);
    assertThat(s3.getObjectAsBytes(b -> b.bucket("inline-versions").key("k").versionId(id1)).asByteArray()).isEqualTo(v1);

    // a delete marker keeps every body; deleting versions by id removes theirs
    s3.deleteObject(b -> b.bucket("inline-versions").key("k"));
    assertThat(tt.inlineBodies()).isEqualTo(before + 3);
    s3.deleteObject(b -> b.bucket("inline-versions").key("k").versionId(id1));
    assertThat(tt.inlineBodies()).isEqualTo(before + 2);
    assertThat(s3.getObjectAsBytes(b -> b.bucket("inline-versions").key("k").versionId(id2)).asByteArray()).isEqualTo(v2);

    // suspended: a PUT replaces the null version (and its row)
    s3.putBucketVersioning(b -> b.bucket("inline-versions")
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
    put("inline-versions", "k", body(20, 15));
    assertThat(tt.inlineBodies()).isEqualTo(before + 2);
    s3.deleteObject(b -> b.bucket("inline-versions").key("k").versionId("null"));
    s3.deleteObject(b -> b.bucket("inline-versions").key("k").versionId(id2));
    assertThat(tt.inlineBodies()).isEqualTo(before);
  }

  @Test void lifecycleExpiryRemovesTheRow() {
    s3.createBucket(b -> b.bucket("inline-lifecycle"));
    int before = tt.inlineBodies();
    put("inline-lifecycle", "old/a", body(4096, 16));
    put("inline-lifecycle", "keep/b", body(4096, 17));
    s3.putBucketLifecycleConfiguration(b -> b.bucket("inline-lifecycle").lifecycleConfiguration(
        BucketLifecycleConfiguration.builder().rules(LifecycleRule.builder().id("old").status(ExpirationStatus.ENABLED)
            .filter(LifecycleRuleFilter.builder().prefix("old/").build())
            .expiration(LifecycleExpiration.builder().days(1).build()).build()).build()));
    assertThat(tt.inlineBodies()).isEqualTo(before + 2);
    clock.advance(2 * DAY);
    assertThat(tt.service.sweepLifecycle().toCompletionStage().toCompletableFuture()
        .orTimeout(30, TimeUnit.SECONDS).join()).isEqualTo(1);
    assertThat(tt.inlineBodies()).isEqualTo(before + 1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> get("inline-lifecycle", "old/a"))
        .isInstanceOf(NoSuchKeyException.class);
    assertThat(get("inline-lifecycle", "keep/b")).hasSize(4096);
  }
}

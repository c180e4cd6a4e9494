package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;

/**
 * Objects' current versions and small bodies are read from memory once written or read
 * ({@code store/ObjectCache}, {@code store/InlineBodies}): each test reads an object (so it is
 * held), changes it through the API, and checks that the very next GET or HEAD shows the change.
 * The client sends plain bodies, so small ones are stored inline.
 */
class S3ObjectCacheIT {
  @TempDir static Path dir;
  static S3TestNode tt;
  static S3Client s3;

  @BeforeAll static void start() {
    tt = new S3TestNode(dir);
    s3 = tt.plainBodyClient();
  }

  @AfterAll static void stop() {
    s3.close();
    tt.close();
  }

  static String get(String bucket, String key) { return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String(); }

  static HeadObjectResponse head(String bucket, String key) { return s3.headObject(b -> b.bucket(bucket).key(key)); }

  @Test void overwriteCopyTaggingDeleteAndMultipartAreSeenByTheNextRead() {
    s3.createBucket(b -> b.bucket("cached-objects"));
    s3.putObject(b -> b.bucket("cached-objects").key("k").metadata(Map.of("m", "1")), RequestBody.fromString("one"));
    assertThat(get("cached-objects", "k")).isEqualTo("one");

    // WHEN overwritten THEN body, ETag and metadata are the new ones
    String etag = s3.putObject(b -> b.bucket("cached-objects").key("k").contentType("text/csv").metadata(Map.of("m", "2")),
        RequestBody.fromString("two")).eTag();
    var two = s3.getObjectAsBytes(b -> b.bucket("cached-objects").key("k"));
    assertThat(two.asUtf8String()).isEqualTo("two");
    GetObjectResponse r = two.response();
    assertThat(r.eTag()).isEqualTo(etag);
    assertThat(r.contentType()).isEqualTo("text/csv");
    assertThat(r.metadata()).containsEntry("m", "2");

    // WHEN copied onto itself with new metadata, then tagged THEN HEAD shows both
    s3.copyObject(b -> b.sourceBucket("cached-objects").sourceKey("k").destinationBucket("cached-objects")
        .destinationKey("k").metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("m", "3")));
    assertThat(head("cached-objects", "k").metadata()).containsEntry("m", "3");
    s3.putObjectTagging(b -> b.bucket("cached-objects").key("k").tagging(t -> t.tagSet(s -> s.key("t").value("v"))));
    assertThat(s3.getObject(b -> b.bucket("cached-objects").key("k")).response().tagCount()).isEqualTo(1);
    s3.deleteObjectTagging(b -> b.bucket("cached-objects").key("k"));
    assertThat(s3.getObject(b -> b.bucket("cached-objects").key("k")).response().tagCount()).isNull();

    // WHEN deleted THEN NoSuchKey; WHEN written again THEN the new body
    s3.deleteObject(b -> b.bucket("cached-objects").key("k"));
    S3TestNode.assertCode(() -> get("cached-objects", "k"), "NoSuchKey");
    s3.putObject(b -> b.bucket("cached-objects").key("k"), RequestBody.fromString("three"));
    assertThat(get("cached-objects", "k")).isEqualTo("three");

    // WHEN a multipart upload completes over it THEN the joined body
    String upload = s3.createMultipartUpload(b -> b.bucket("cached-objects").key("k")).uploadId();
    String part = s3.uploadPart(b -> b.bucket("cached-objects").key("k").uploadId(upload).partNumber(1),
        RequestBody.fromString("four")).eTag();
    s3.completeMultipartUpload(b -> b.bucket("cached-objects").key("k").uploadId(upload)
        .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part).build())));
    assertThat(get("cached-objects", "k")).isEqualTo("four");
  }

  @Test void anAclChangeIsSeenByTheNextRequest() throws Exception {
    s3.createBucket(b -> b.bucket("cached-acl"));
    s3.putObject(b -> b.bucket("cached-acl").key("k"), RequestBody.fromString("v"));
    assertThat(get("cached-acl", "k")).isEqualTo("v");
    assertThat(tt.anonymous("GET", "/cached-acl/k")).isEqualTo(403);

    s3.putObjectAcl(b -> b.bucket("cached-acl").key("k").acl(ObjectCannedACL.PUBLIC_READ));
    assertThat(tt.anonymous("GET", "/cached-acl/k")).isEqualTo(200);
    s3.putObjectAcl(b -> b.bucket("cached-acl").key("k").acl(ObjectCannedACL.PRIVATE));
    assertThat(tt.anonymous("GET", "/cached-acl/k")).isEqualTo(403);
  }

  @Test void versioningChangesAreSeenByTheNextRead() {
    s3.createBucket(b -> b.bucket("cached-versions"));
    s3.putObject(b -> b.bucket("cached-versions").key("k"), RequestBody.fromString("one"));
    assertThat(head("cached-versions", "k").versionId()).isNull();

    // WHEN versioning is enabled THEN the object is its null version
    s3.putBucketVersioning(b -> b.bucket("cached-versions")
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    assertThat(head("cached-versions", "k").versionId()).isEqualTo("null");

    // WHEN a new version is written THEN it is current, the null version is still readable by id
    String v2 = s3.putObject(b -> b.bucket("cached-versions").key("k"), RequestBody.fromString("two")).versionId();
    assertThat(head("cached-versions", "k").versionId()).isEqualTo(v2);
    assertThat(get("cached-versions", "k")).isEqualTo("two");
    assertThat(s3.getObjectAsBytes(b -> b.bucket("cached-versions").key("k").versionId("null")).asUtf8String())
        .isEqualTo("one");

    // WHEN a delete marker is added THEN NoSuchKey; WHEN the marker is removed THEN v2 is back
    String marker = s3.deleteObject(b -> b.bucket("cached-versions").key("k")).versionId();
    S3TestNode.assertCode(() -> get("cached-versions", "k"), "NoSuchKey");
    s3.deleteObject(b -> b.bucket("cached-versions").key("k").versionId(marker));
    assertThat(get("cached-versions", "k")).isEqualTo("two");

    // WHEN the current version is deleted by id THEN the null version is current again
    s3.deleteObject(b -> b.bucket("cached-versions").key("k").versionId(v2));
    assertThat(get("cached-versions", "k")).isEqualTo("one");
    assertThat(head("cached-versions", "k").versionId()).isEqualTo("null");
  }
}

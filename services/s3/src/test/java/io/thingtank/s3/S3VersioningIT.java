package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.MFADelete;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Versioning with the AWS SDK for Java v2: version ids, delete markers, the null version,
 * ListObjectVersions pages, versioned reads, copies, tags, attributes and DeleteObjects, and
 * that bodies of old versions live exactly as long as their version.
 */
class S3VersioningIT {
  @TempDir static Path dir;
  static S3TestNode tt;
  static S3Client s3;

  @BeforeAll static void start() {
    tt = new S3TestNode(dir);
    s3 = tt.client();
  }

  @AfterAll static void stop() {
    s3.close();
    tt.close();
  }

  static void versioning(String bucket, BucketVersioningStatus status) {
    s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(c -> c.status(status)));
  }

  static String put(String bucket, String key, String body) {
    return s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body)).versionId();
  }

  static String get(String bucket, String key, String versionId) {
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).versionId(versionId)).asUtf8String();
  }

  static List<ObjectVersion> versions(String bucket) {
    return s3.listObjectVersions(b -> b.bucket(bucket)).versions();
  }

  @Test void enabledBucketKeepsEveryVersionAndDeleteAddsAMarker() {
    // GIVEN a bucket with an object written before versioning
    s3.createBucket(b -> b.bucket("ver"));
    assertThat(s3.putObject(b -> b.bucket("ver").key("old"), RequestBody.fromString("before")).versionId()).isNull();
    assertThat(s3.getBucketVersioning(b -> b.bucket("ver")).status()).isNull();

    // WHEN versioning is enabled and one key is written three times
    versioning("ver", BucketVersioningStatus.ENABLED);
    assertThat(s3.getBucketVersioning(b -> b.bucket("ver")).status()).isEqualTo(BucketVersioningStatus.ENABLED);
    String v1 = put("ver", "k", "one");
    String v2 = put("ver", "k", "two");
    String v3 = put("ver", "k", "three");

    // THEN every version reads back by id, the current one without an id
    assertThat(List.of(v1, v2, v3)).doesNotHaveDuplicates().doesNotContainNull();
    assertThat(get("ver", "k", null)).isEqualTo("three");
    assertThat(get("ver", "k", v1)).isEqualTo("one");
    assertThat(s3.headObject(b -> b.bucket("ver").key("k").versionId(v2)).versionId()).isEqualTo(v2);
    assertThat(s3.getObjectAsBytes(b -> b.bucket("ver").key("k")).response().versionId()).isEqualTo(v3);
    assertThat(get("ver", "old", "null")).isEqualTo("before");
    assertThat(versions("ver")).extracting(ObjectVersion::key, ObjectVersion::versionId, ObjectVersion::isLatest)
        .containsExactly(
            tuple("k", v3, true), tuple("k", v2, false),
            tuple("k", v1, false), tuple("old", "null", true));

    // WHEN the key is deleted without a version id
    DeleteObjectResponse del = s3.deleteObject(b -> b.bucket("ver").key("k"));

    // THEN a delete marker hides it from GET and listings, and the old versions remain
    assertThat(del.deleteMarker()).isTrue();
    String marker = del.versionId();
    assertThat(marker).isNotNull().isNotIn(v1, v2, v3);
    assertThatThrownBy(() -> get("ver", "k", null)).isInstanceOfSatisfying(S3Exception.class, e -> {
      assertThat(e.statusCode()).isEqualTo(404);
      assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-delete-marker")).hasValue("true");
    });
    assertThatThrownBy(() -> get("ver", "k", marker)).isInstanceOfSatisfying(S3Exception.class, e -> {
      assertThat(e.statusCode()).isEqualTo(405);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MethodNotAllowed");
      assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-version-id")).hasValue(marker);
    });
    assertThat(s3.listObjectsV2(b -> b.bucket("ver")).contents()).extracting(o -> o.key()).containsExactly("old");
    ListObjectVersionsResponse listed = s3.listObjectVersions(b -> b.bucket("ver").prefix("k"));
    assertThat(listed.deleteMarkers()).extracting(DeleteMarkerEntry::versionId, DeleteMarkerEntry::isLatest)
        .containsExactly(tuple(marker, true));
    assertThat(listed.versions()).extracting(ObjectVersion::versionId).containsExactly(v3, v2, v1);
    assertThat(get("ver", "k", v2)).isEqualTo("two");

    // WHEN the delete marker itself is deleted THEN the newest version is current again
    DeleteObjectResponse undelete = s3.deleteObject(b -> b.bucket("ver").key("k").versionId(marker));
    assertThat(undelete.deleteMarker()).isTrue();
    assertThat(undelete.versionId()).isEqualTo(marker);
    assertThat(get("ver", "k", null)).isEqualTo("three");

    // WHEN the current version is deleted by id THEN the previous one becomes current
    s3.deleteObject(b -> b.bucket("ver").key("k").versionId(v3));
    assertThat(get("ver", "k", null)).isEqualTo("two");
    assertThat(versions("ver")).filteredOn(v -> v.key().equals("k")).extracting(ObjectVersion::versionId,
        ObjectVersion::isLatest).containsExactly(tuple(v2, true),
        tuple(v1, false));
  }

  @Test void badAndUnknownVersionIds() {
    s3.createBucket(b -> b.bucket("ids"));
    versioning("ids", BucketVersioningStatus.ENABLED);
    put("ids", "k", "x");
    assertThatThrownBy(() -> get("ids", "k", "not-a-version")).isInstanceOfSatisfying(S3Exception.class, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    });
    assertThatThrownBy(() -> get("ids", "k", "0000000000000001")).isInstanceOfSatisfying(S3Exception.class, e -> {
      assertThat(e.statusCode()).isEqualTo(404);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchVersion");
    });
    assertThatThrownBy(() -> s3.listObjectVersions(b -> b.bucket("ids").versionIdMarker("null")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
            .isEqualTo("InvalidArgument"));
    // MFA delete cannot be enabled without an MFA device; Disabled is stored and shown
    assertThatThrownBy(() -> s3.putBucketVersioning(b -> b.bucket("ids").versioningConfiguration(c -> c
        .status(BucketVersioningStatus.ENABLED).mfaDelete(MFADelete.ENABLED))))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
            .isEqualTo("AccessDenied"));
    s3.putBucketVersioning(b -> b.bucket("ids").versioningConfiguration(c -> c
        .status(BucketVersioningStatus.ENABLED).mfaDelete(MFADelete.DISABLED)));
    GetBucketVersioningResponse v = s3.getBucketVersioning(b -> b.bucket("ids"));
    assertThat(v.mfaDeleteAsString()).isEqualTo("Disabled");
    assertThat(v.status()).isEqualTo(BucketVersioningStatus.ENABLED);
  }

  @Test void suspendedBucketOverwritesTheNullVersionInPlace() {
    s3.createBucket(b -> b.bucket("susp"));
    versioning("susp", BucketVersioningStatus.ENABLED);
    String v1 = put("susp", "k", "kept");
    versioning("susp", BucketVersioningStatus.SUSPENDED);
    // S3 answers no version id for writes to a suspended bucket
    assertThat(put("susp", "k", "null one")).isNull();
    assertThat(put("susp", "k", "null two")).isNull();
    assertThat(versions("susp")).extracting(ObjectVersion::versionId).containsExactly("null", v1);
    assertThat(get("susp", "k", "null")).isEqualTo("null two");

    // a delete while suspended replaces the null version with a null delete marker
    DeleteObjectResponse del = s3.deleteObject(b -> b.bucket("susp").key("k"));
    assertThat(del.deleteMarker()).isTrue();
    assertThat(del.versionId()).isEqualTo("null");
    ListObjectVersionsResponse listed = s3.listObjectVersions(b -> b.bucket("susp"));
    assertThat(listed.versions()).extracting(ObjectVersion::versionId).containsExactly(v1);
    assertThat(listed.deleteMarkers()).extracting(DeleteMarkerEntry::versionId).containsExactly("null");
    assertThat(get("susp", "k", v1)).isEqualTo("kept");
  }

  @Test void listObjectVersionsPagesWithMarkersPrefixesAndDelimiter() {
    s3.createBucket(b -> b.bucket("pages"));
    versioning("pages", BucketVersioningStatus.ENABLED);
    List<String> expected = new ArrayList<>();
    for (String key : List.of("a", "b/1", "b/2", "c")) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) ids.add(0, key + "@" + put("pages", key, key + i));
      expected.addAll(ids);
    }
    // every page of 2 follows NextKeyMarker / NextVersionIdMarker
    List<String> seen = new ArrayList<>();
    String keyMarker = null;
    String versionMarker = null;
    for (int page = 0; page < 20; page++) {
      String km = keyMarker;
      String vm = versionMarker;
      ListObjectVersionsResponse r = s3.listObjectVersions(b -> b.bucket("pages").maxKeys(2).keyMarker(km)
          .versionIdMarker(vm));
      r.versions().forEach(v -> seen.add(v.key() + "@" + v.versionId()));
      if (!r.isTruncated()) break;
      assertThat(r.versions()).hasSize(2);
      keyMarker = r.nextKeyMarker();
      versionMarker = r.nextVersionIdMarker();
    }
    assertThat(seen).isEqualTo(expected);
    assertThat(s3.listObjectVersionsPaginator(b -> b.bucket("pages").maxKeys(5)).versions().stream().count())
        .isEqualTo(12);

    ListObjectVersionsResponse rolled = s3.listObjectVersions(b -> b.bucket("pages").delimiter("/"));
    assertThat(rolled.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("b/");
    assertThat(rolled.versions()).extracting(ObjectVersion::key).containsExactly("a", "a", "a", "c", "c", "c");
    ListObjectVersionsResponse prefixed = s3.listObjectVersions(b -> b.bucket("pages").prefix("b/").maxKeys(4));
    assertThat(prefixed.versions()).extracting(ObjectVersion::key).containsExactly("b/1", "b/1", "b/1", "b/2");
    assertThat(prefixed.isTruncated()).isTrue();
  }

  @Test void copyTagsAttributesAndMultipartCarryVersions() {
    s3.createBucket(b -> b.bucket("more"));
    versioning("more", BucketVersioningStatus.ENABLED);
    String v1 = put("more", "src", "first");
    put("more", "src", "second");

    // CopyObject from an old version restores it as a new version
    var copy = s3.copyObject(b -> b.sourceBucket("more").sourceKey("src").sourceVersionId(v1)
        .destinationBucket("more").destinationKey("src"));
    assertThat(copy.copySourceVersionId()).isEqualTo(v1);
    assertThat(copy.versionId()).isNotNull().isNotEqualTo(v1);
    assertThat(get("more", "src", null)).isEqualTo("first");

    // tags belong to one version
    s3.putObjectTagging(b -> b.bucket("more").key("src").versionId(v1)
        .tagging(t -> t.tagSet(Tag.builder().key("state").value("old").build())));
    assertThat(s3.getObjectTagging(b -> b.bucket("more").key("src").versionId(v1)).tagSet())
        .extracting(Tag::value).containsExactly("old");
    assertThat(s3.getObjectTagging(b -> b.bucket("more").key("src")).tagSet()).isEmpty();

    var attrs = s3.getObjectAttributes(b -> b.bucket("more").key("src").versionId(v1)
        .objectAttributes(ObjectAttributes.OBJECT_SIZE));
    assertThat(attrs.objectSize()).isEqualTo(5);
    assertThat(attrs.versionId()).isEqualTo(v1);

    // CompleteMultipartUpload answers the new version id
    String upload = s3.createMultipartUpload(b -> b.bucket("more").key("mp")).uploadId();
    String etag = s3.uploadPart(b -> b.bucket("more").key("mp").uploadId(upload).partNumber(1),
        RequestBody.fromString("parts")).eTag();
    var done = s3.completeMultipartUpload(b -> b.bucket("more").key("mp").uploadId(upload)
        .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
    assertThat(done.versionId()).isNotNull();
    assertThat(s3.headObject(b -> b.bucket("more").key("mp")).versionId()).isEqualTo(done.versionId());

    // UploadPartCopy from an old version
    String upload2 = s3.createMultipartUpload(b -> b.bucket("more").key("mp2")).uploadId();
    var copied = s3.uploadPartCopy(b -> b.sourceBucket("more").sourceKey("src").sourceVersionId(v1)
        .destinationBucket("more").destinationKey("mp2").uploadId(upload2).partNumber(1));
    assertThat(copied.copySourceVersionId()).isEqualTo(v1);
    s3.completeMultipartUpload(b -> b.bucket("more").key("mp2").uploadId(upload2).multipartUpload(m -> m.parts(
        CompletedPart.builder().partNumber(1).eTag(copied.copyPartResult().eTag()).build())));
    assertThat(get("more", "mp2", null)).isEqualTo("first");
  }

  @Test void deleteObjectsWithVersionsAndBucketEmptiesOnlyWhenNoVersionRemains() {
    s3.createBucket(b -> b.bucket("gone"));
    versioning("gone", BucketVersioningStatus.ENABLED);
    String v1 = put("gone", "a", "1");
    String v2 = put("gone", "a", "2");
    put("gone", "b", "3");
    long filesWithThreeVersions = blobFiles();

    DeleteObjectsResponse r = s3.deleteObjects(b -> b.bucket("gone").delete(d -> d.objects(
        ObjectIdentifier.builder().key("a").versionId(v1).build(), ObjectIdentifier.builder().key("b").build(),
        ObjectIdentifier.builder().key("a").versionId("bad id").build())));
    assertThat(r.deleted()).anySatisfy(d -> {
      assertThat(d.key()).isEqualTo("a");
      assertThat(d.versionId()).isEqualTo(v1);
      assertThat(d.deleteMarker()).isNull();
    }).anySatisfy(d -> {
      assertThat(d.key()).isEqualTo("b");
      assertThat(d.deleteMarker()).isTrue();
      assertThat(d.deleteMarkerVersionId()).isNotNull();
    });
    assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("InvalidArgument"));
    assertThat(blobFiles()).isEqualTo(filesWithThreeVersions - 1);

    // versions and delete markers keep the bucket from being deleted
    assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket("gone"))).isInstanceOfSatisfying(S3Exception.class,
        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty"));
    s3.deleteObject(b -> b.bucket("gone").key("a").versionId(v2));
    for (ObjectVersion v : versions("gone")) {
      s3.deleteObject(b -> b.bucket("gone").key(v.key()).versionId(v.versionId()));
    }
    assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket("gone"))).isInstanceOfSatisfying(S3Exception.class,
        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty"));
    for (DeleteMarkerEntry m : s3.listObjectVersions(b -> b.bucket("gone")).deleteMarkers()) {
      s3.deleteObject(b -> b.bucket("gone").key(m.key()).versionId(m.versionId()));
    }
    s3.deleteBucket(b -> b.bucket("gone"));
    assertThat(blobFiles()).isEqualTo(filesWithThreeVersions - 3);
  }

  @Test void bucketPoliciesSeeTheVersionActions() {
    // GIVEN a policy that denies reading old versions to everyone
    s3.createBucket(b -> b.bucket("vpol"));
    versioning("vpol", BucketVersioningStatus.ENABLED);
    String v1 = put("vpol", "k", "old");
    put("vpol", "k", "new");
    s3.putBucketPolicy(b -> b.bucket("vpol").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
        + "\"Principal\":\"*\",\"Action\":\"s3:GetObjectVersion\",\"Resource\":\"arn:aws:s3:::vpol/*\"}]}"));
    // THEN the current version reads (s3:GetObject), a named version does not (s3:GetObjectVersion)
    assertThat(get("vpol", "k", null)).isEqualTo("new");
    assertThatThrownBy(() -> get("vpol", "k", v1)).isInstanceOfSatisfying(S3Exception.class,
        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
  }

  @Test void boto3AndAwsCli(@TempDir Path work) throws Exception {
    PythonScript.run(tt, "s3_versioning.py", work);
  }

  @Test void oldVersionsSurviveARestartAndItsSweep(@TempDir Path other) {
    // GIVEN two versions and a delete marker, acknowledged before the node stops
    String v1;
    try (S3TestNode first = new S3TestNode(other); S3Client c = first.client()) {
      c.createBucket(b -> b.bucket("durable"));
      c.putBucketVersioning(b -> b.bucket("durable").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
      v1 = c.putObject(b -> b.bucket("durable").key("k"), RequestBody.fromString("first")).versionId();
      c.putObject(b -> b.bucket("durable").key("k"), RequestBody.fromString("second"));
      c.deleteObject(b -> b.bucket("durable").key("k"));
    }
    // WHEN it starts again on the same data (the start-up sweep removes unreferenced bodies)
    try (S3TestNode second = new S3TestNode(other); S3Client c = second.client()) {
      // THEN every version is there, and the key is still deleted
      assertThat(c.getObjectAsBytes(b -> b.bucket("durable").key("k").versionId(v1)).asUtf8String()).isEqualTo("first");
      assertThat(c.listObjectVersions(b -> b.bucket("durable")).versions()).hasSize(2);
      assertThatThrownBy(() -> c.getObjectAsBytes(b -> b.bucket("durable").key("k")))
          .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }
  }

  /** Body files of every bucket of this node. */
  static long blobFiles() {
    try (Stream<Path> files = Files.walk(dir.resolve("s3").resolve("blobs"))) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

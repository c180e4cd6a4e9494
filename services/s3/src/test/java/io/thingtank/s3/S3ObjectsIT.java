package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Objects with the AWS SDK for Java v2 (default checksums on): PUT/GET/HEAD/DELETE, ranges, conditions, listing, copy. */
class S3ObjectsIT {
  @TempDir static Path dir;
  static S3TestNode tt;
  static S3Client s3;

  @BeforeAll static void start() {
    tt = new S3TestNode(dir);
    s3 = tt.client();
    s3.createBucket(b -> b.bucket("objs"));
  }

  @AfterAll static void stop() {
    s3.close();
    tt.close();
  }

  @Test void putGetHeadDeleteWithMetadataAndContentHeaders() {
    String etag = s3.putObject(b -> b.bucket("objs").key("docs/a b+c.txt").contentType("text/plain")
        .cacheControl("max-age=60").contentDisposition("attachment").metadata(Map.of("device", "t-1000")),
        RequestBody.fromString("hello world")).eTag();
    assertThat(etag).isEqualTo("\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");

    ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket("objs").key("docs/a b+c.txt"));
    assertThat(got.asUtf8String()).isEqualTo("hello world");
    assertThat(got.response().contentType()).isEqualTo("text/plain");
    assertThat(got.response().cacheControl()).isEqualTo("max-age=60");
    assertThat(got.response().contentDisposition()).isEqualTo("attachment");
    assertThat(got.response().metadata()).containsEntry("device", "t-1000");
    assertThat(got.response().eTag()).isEqualTo(etag);

    HeadObjectResponse head = s3.headObject(b -> b.bucket("objs").key("docs/a b+c.txt"));
    assertThat(head.contentLength()).isEqualTo(11);
    assertThat(head.eTag()).isEqualTo(etag);

    s3.deleteObject(b -> b.bucket("objs").key("docs/a b+c.txt"));
    assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("objs").key("docs/a b+c.txt")))
        .isInstanceOf(NoSuchKeyException.class);
    assertThatThrownBy(() -> s3.headObject(b -> b.bucket("objs").key("docs/a b+c.txt")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    s3.deleteObject(b -> b.bucket("objs").key("never-existed"));
  }

  @Test void emptyObject() {
    s3.putObject(b -> b.bucket("objs").key("empty"), RequestBody.empty());
    ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket("objs").key("empty"));
    assertThat(got.asByteArray()).isEmpty();
    assertThat(got.response().eTag()).isEqualTo("\"d41d8cd98f00b204e9800998ecf8427e\"");
  }

  @Test void rangesAndInvalidRange() {
    s3.putObject(b -> b.bucket("objs").key("digits"), RequestBody.fromString("0123456789"));
    assertThat(s3.getObjectAsBytes(b -> b.bucket("objs").key("digits").range("bytes=2-4")).asUtf8String()).isEqualTo("234");
    assertThat(s3.getObjectAsBytes(b -> b.bucket("objs").key("digits").range("bytes=7-")).asUtf8String()).isEqualTo("789");
    ResponseBytes<GetObjectResponse> suffix = s3.getObjectAsBytes(b -> b.bucket("objs").key("digits").range("bytes=-3"));
    assertThat(suffix.asUtf8String()).isEqualTo("789");
    assertThat(suffix.response().contentRange()).isEqualTo("bytes 7-9/10");
    assertThat(s3.getObjectAsBytes(b -> b.bucket("objs").key("digits").range("bytes=5-100")).asUtf8String()).isEqualTo("56789");
    assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("objs").key("digits").range("bytes=10-20")))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.statusCode()).isEqualTo(416);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
        });
  }

  @Test void conditionalReadsAndWrites() {
    String etag = s3.putObject(b -> b.bucket("objs").key("cond"), RequestBody.fromString("v1")).eTag();
    assertThat(s3.getObjectAsBytes(b -> b.bucket("objs").key("cond").ifMatch(etag)).asUtf8String()).isEqualTo("v1");
    assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("objs").key("cond").ifMatch("\"nope\"")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
    assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("objs").key("cond").ifNoneMatch(etag)))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.statusCode()).isEqualTo(304);
          assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("ETag")).hasValue(etag);
          assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Last-Modified")).isPresent();
        });
    assertThatThrownBy(() -> s3.headObject(b -> b.bucket("objs").key("cond").ifModifiedSince(Instant.now().plusSeconds(60))))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));
    assertThatThrownBy(() -> s3.headObject(b -> b.bucket("objs").key("cond").ifUnmodifiedSince(Instant.now().minusSeconds(3600))))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
    // conditional write: If-None-Match: * refuses to overwrite
    assertThatThrownBy(() -> s3.putObject(b -> b.bucket("objs").key("cond").ifNoneMatch("*"), RequestBody.fromString("v2")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed"));
    assertThat(s3.getObjectAsBytes(b -> b.bucket("objs").key("cond")).asUtf8String()).isEqualTo("v1");
    s3.putObject(b -> b.bucket("objs").key("cond-new").ifNoneMatch("*"), RequestBody.fromString("fresh"));
    assertThat(s3.getObjectAsBytes(b -> b.bucket("objs").key("cond-new")).asUtf8String()).isEqualTo("fresh");
  }

  @Test void flexibleChecksumsAreStoredAndReturned() {
    for (ChecksumAlgorithm alg : List.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32_C, ChecksumAlgorithm.CRC64_NVME,
        ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256)) {
      String key = "sum-" + alg;
      var put = s3.putObject(b -> b.bucket("objs").key(key).checksumAlgorithm(alg), RequestBody.fromString("checked " + alg));
      ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket("objs").key(key).checksumMode(ChecksumMode.ENABLED));
      assertThat(got.asUtf8String()).isEqualTo("checked " + alg);
      String returned = switch (alg) {
        case CRC32 -> got.response().checksumCRC32();
        case CRC32_C -> got.response().checksumCRC32C();
        case CRC64_NVME -> got.response().checksumCRC64NVME();
        case SHA1 -> got.response().checksumSHA1();
        default -> got.response().checksumSHA256();
      };
      String sent = switch (alg) {
        case CRC32 -> put.checksumCRC32();
        case CRC32_C -> put.checksumCRC32C();
        case CRC64_NVME -> put.checksumCRC64NVME();
        case SHA1 -> put.checksumSHA1();
        default -> put.checksumSHA256();
      };
      assertThat(returned).as(alg.toString()).isNotNull().isEqualTo(sent);
    }
    // a known value: CRC32 of "hello world" is 0x0D4A1185
    var put = s3.putObject(b -> b.bucket("objs").key("crc").checksumAlgorithm(ChecksumAlgorithm.CRC32),
        RequestBody.fromString("hello world"));
    assertThat(put.checksumCRC32()).isEqualTo("DUoRhQ==");
  }

  @Test void wrongChecksumOrMd5IsBadDigestAndStoresNothing() {
    assertThatThrownBy(() -> s3.putObject(b -> b.bucket("objs").key("bad-crc").checksumCRC32("AAAAAA=="),
        RequestBody.fromString("data")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest"));
    assertThatThrownBy(() -> s3.putObject(b -> b.bucket("objs").key("bad-md5").contentMD5("1B2M2Y8AsgTpgAmY7PhCfg=="),
        RequestBody.fromString("data")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest"));
    assertThat(s3.listObjectsV2(b -> b.bucket("objs").prefix("bad-")).contents()).isEmpty();
  }

  @Test void listingV1AndV2WithDelimiterPaginationAndUrlEncoding() {
    s3.createBucket(b -> b.bucket("listing"));
    List<String> keys = List.of("a/1", "a/2", "b/1", "c", "d/x/1", "d/y", "e f", "g");
    for (String k : keys) s3.putObject(b -> b.bucket("listing").key(k), RequestBody.fromString(k));

    ListObjectsV2Response all = s3.listObjectsV2(b -> b.bucket("listing"));
    assertThat(all.contents()).extracting(S3Object::key).containsExactlyElementsOf(keys);
    assertThat(all.keyCount()).isEqualTo(8);

    ListObjectsV2Response top = s3.listObjectsV2(b -> b.bucket("listing").delimiter("/"));
    assertThat(top.contents()).extracting(S3Object::key).containsExactly("c", "e f", "g");
    assertThat(top.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("a/", "b/", "d/");

    ListObjectsV2Response d = s3.listObjectsV2(b -> b.bucket("listing").prefix("d/").delimiter("/"));
    assertThat(d.contents()).extracting(S3Object::key).containsExactly("d/y");
    assertThat(d.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("d/x/");

    List<String> paged = new ArrayList<>();
    s3.listObjectsV2Paginator(b -> b.bucket("listing").maxKeys(3).delimiter("/"))
        .forEach(p -> {
          p.contents().forEach(o -> paged.add(o.key()));
          p.commonPrefixes().forEach(c -> paged.add(c.prefix()));
        });
    assertThat(paged).containsExactlyInAnyOrder("a/", "b/", "c", "d/", "e f", "g");

    ListObjectsV2Response none = s3.listObjectsV2(b -> b.bucket("listing").maxKeys(0));
    assertThat(none.contents()).isEmpty();
    assertThat(none.isTruncated()).isFalse();

    assertThat(s3.listObjectsV2(b -> b.bucket("listing").startAfter("c")).contents()).extracting(S3Object::key)
        .containsExactly("d/x/1", "d/y", "e f", "g");

    ListObjectsResponse v1 = s3.listObjects(b -> b.bucket("listing").maxKeys(2).delimiter("/"));
    assertThat(v1.isTruncated()).isTrue();
    assertThat(v1.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("a/", "b/");
    ListObjectsResponse v1b = s3.listObjects(b -> b.bucket("listing").marker(v1.nextMarker()).delimiter("/"));
    assertThat(v1b.contents()).extracting(S3Object::key).containsExactly("c", "e f", "g");
    assertThat(v1b.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("d/");

    // the SDK asks for encoding-type=url by default and decodes the keys again
    assertThat(s3.listObjects(b -> b.bucket("listing").prefix("e").encodingType(EncodingType.URL)).contents())
        .extracting(S3Object::key).containsExactly("e f");
  }

  @Test void deleteObjectsAndCopyObject() {
    s3.createBucket(b -> b.bucket("copies"));
    s3.putObject(b -> b.bucket("objs").key("src").contentType("text/csv").metadata(Map.of("a", "1")),
        RequestBody.fromString("a,b,c"));
    var copy = s3.copyObject(b -> b.sourceBucket("objs").sourceKey("src").destinationBucket("copies").destinationKey("dst"));
    assertThat(copy.copyObjectResult().eTag()).isEqualTo(s3.headObject(b -> b.bucket("objs").key("src")).eTag());
    HeadObjectResponse copied = s3.headObject(b -> b.bucket("copies").key("dst"));
    assertThat(copied.contentType()).isEqualTo("text/csv");
    assertThat(copied.metadata()).containsEntry("a", "1");

    s3.copyObject(b -> b.sourceBucket("objs").sourceKey("src").destinationBucket("copies").destinationKey("dst2")
        .metadataDirective(MetadataDirective.REPLACE).contentType("text/plain").metadata(Map.of("b", "2")));
    HeadObjectResponse replaced = s3.headObject(b -> b.bucket("copies").key("dst2"));
    assertThat(replaced.contentType()).isEqualTo("text/plain");
    assertThat(replaced.metadata()).containsExactly(Map.entry("b", "2"));

    assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket("objs").sourceKey("src").destinationBucket("objs")
        .destinationKey("src"))).isInstanceOfSatisfying(S3Exception.class,
        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest"));
    assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket("objs").sourceKey("src").destinationBucket("copies")
        .destinationKey("dst3").copySourceIfMatch("\"other\""))).isInstanceOfSatisfying(S3Exception.class,
        e -> assertThat(e.statusCode()).isEqualTo(412));
    assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket("objs").sourceKey("missing").destinationBucket("copies")
        .destinationKey("dst3"))).isInstanceOf(NoSuchKeyException.class);

    var deleted = s3.deleteObjects(b -> b.bucket("copies").delete(d -> d.objects(
        ObjectIdentifier.builder().key("dst").build(), ObjectIdentifier.builder().key("dst2").build(),
        ObjectIdentifier.builder().key("not-there").build())));
    assertThat(deleted.deleted()).hasSize(3);
    assertThat(s3.listObjectsV2(b -> b.bucket("copies")).contents()).isEmpty();
  }

  @Test void objectAndBucketTaggingVersioningStatusAndCannedAcl() {
    s3.putObject(b -> b.bucket("objs").key("tagged").tagging("site=roof&sensor=t1"), RequestBody.fromString("x"));
    assertThat(s3.getObject(b -> b.bucket("objs").key("tagged")).response().tagCount()).isEqualTo(2);
    assertThat(s3.getObjectTagging(b -> b.bucket("objs").key("tagged")).tagSet()) // listed by key, as S3 does
        .extracting(t -> t.key() + "=" + t.value()).containsExactly("sensor=t1", "site=roof");
    List<software.amazon.awssdk.services.s3.model.Tag> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) eleven.add(software.amazon.awssdk.services.s3.model.Tag.builder().key("k" + i).value("v").build());
    assertThatThrownBy(() -> s3.putObjectTagging(b -> b.bucket("objs").key("tagged").tagging(t -> t.tagSet(eleven))))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidTag"));
    assertThat(s3.getObjectTagging(b -> b.bucket("objs").key("tagged")).tagSet()).hasSize(2);
    s3.putObjectTagging(b -> b.bucket("objs").key("tagged").tagging(t -> t.tagSet(
        software.amazon.awssdk.services.s3.model.Tag.builder().key("k").value("v").build())));
    assertThat(s3.getObjectTagging(b -> b.bucket("objs").key("tagged")).tagSet()).extracting(t -> t.key()).containsExactly("k");
    s3.deleteObjectTagging(b -> b.bucket("objs").key("tagged"));
    assertThat(s3.getObjectTagging(b -> b.bucket("objs").key("tagged")).tagSet()).isEmpty();

    assertThatThrownBy(() -> s3.getBucketTagging(b -> b.bucket("objs"))).isInstanceOfSatisfying(S3Exception.class,
        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchTagSet"));
    s3.putBucketTagging(b -> b.bucket("objs").tagging(t -> t.tagSet(
        software.amazon.awssdk.services.s3.model.Tag.builder().key("team").value("iot").build())));
    assertThat(s3.getBucketTagging(b -> b.bucket("objs")).tagSet()).extracting(t -> t.value()).containsExactly("iot");
    s3.deleteBucketTagging(b -> b.bucket("objs"));

    assertThat(s3.getBucketVersioning(b -> b.bucket("objs")).status()).isNull();
    s3.putBucketAcl(b -> b.bucket("objs").acl(software.amazon.awssdk.services.s3.model.BucketCannedACL.PUBLIC_READ));
    assertThat(s3.getBucketAcl(b -> b.bucket("objs")).grants()).extracting(g -> g.permissionAsString())
        .containsExactlyInAnyOrder("FULL_CONTROL", "READ");
    s3.putBucketAcl(b -> b.bucket("objs").acl(software.amazon.awssdk.services.s3.model.BucketCannedACL.PRIVATE));
  }

  @Test void largeObjectStreamsThrough() {
    byte[] big = new byte[12 * 1024 * 1024 + 17];
    for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 31 + (i >> 10));
    s3.putObject(b -> b.bucket("objs").key("big.bin"), RequestBody.fromBytes(big));
    byte[] back = s3.getObjectAsBytes(b -> b.bucket("objs").key("big.bin").checksumMode(ChecksumMode.ENABLED)).asByteArray();
    assertThat(back).isEqualTo(big);
    assertThat(new String(s3.getObjectAsBytes(b -> b.bucket("objs").key("big.bin").range("bytes=0-3")).asByteArray(),
        StandardCharsets.ISO_8859_1)).hasSize(4);
  }

  @Test void getsAtTheInMemoryLimitAndWhileTheObjectIsOverwritten() throws Exception {
    for (int size : new int[] {1 << 20, (1 << 20) + 1}) {
      byte[] body = new byte[size];
      for (int i = 0; i < size; i++) body[i] = (byte) (i * 7 + (i >> 12));
      String key = "edge-" + size;
      s3.putObject(b -> b.bucket("objs").key(key), RequestBody.fromBytes(body));
      assertThat(s3.getObjectAsBytes(b -> b.bucket("objs").key(key)).asByteArray()).isEqualTo(body);
      assertThat(s3.getObjectAsBytes(b -> b.bucket("objs").key(key).range("bytes=-5")).asByteArray())
          .isEqualTo(java.util.Arrays.copyOfRange(body, size - 5, size));
      assertThat(s3.headObject(b -> b.bucket("objs").key(key)).contentLength()).isEqualTo(size);
    }
    List<String> versions = new ArrayList<>();
    for (int v = 0; v < 30; v++) versions.add(("version " + v + " ").repeat(400));
    s3.putObject(b -> b.bucket("objs").key("churn"), RequestBody.fromString(versions.get(0)));
    var writer = java.util.concurrent.CompletableFuture.runAsync(() -> {
      for (String v : versions) s3.putObject(b -> b.bucket("objs").key("churn"), RequestBody.fromString(v));
    });
    for (int i = 0; i < 60; i++) {
      assertThat(versions).contains(s3.getObjectAsBytes(b -> b.bucket("objs").key("churn")).asUtf8String());
    }
    writer.get(60, java.util.concurrent.TimeUnit.SECONDS);
  }
}

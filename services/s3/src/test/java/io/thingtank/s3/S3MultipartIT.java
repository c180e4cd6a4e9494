package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/** Multipart uploads: the SDK transfer manager (default checksums) and the low-level calls with their checks. */
class S3MultipartIT {
  static final int MIB = 1024 * 1024;
  @TempDir static Path dir;
  @TempDir static Path files;
  static S3TestNode tt;
  static S3Client s3;

  @BeforeAll static void start() {
    tt = new S3TestNode(dir);
    s3 = tt.client();
    s3.createBucket(b -> b.bucket("mpu"));
  }

  @AfterAll static void stop() {
    s3.close();
    tt.close();
  }

  static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test void transferManagerUploadAndDownload() throws Exception {
    Path src = files.resolve("src.bin");
    byte[] data = random(21 * MIB + 123, 1);
    Files.write(src, data);
    try (S3AsyncClient async = tt.asyncClient(); S3TransferManager tm = S3TransferManager.builder().s3Client(async).build()) {
      tm.uploadFile(u -> u.putObjectRequest(p -> p.bucket("mpu").key("tm/big.bin")).source(src))
          .completionFuture().get();
      var head = s3.headObject(b -> b.bucket("mpu").key("tm/big.bin"));
      assertThat(head.contentLength()).isEqualTo(data.length);
      assertThat(head.eTag()).matches("\"[0-9a-f]{32}-\\d+\"");
      Path dst = files.resolve("dst.bin");
      tm.downloadFile(d -> d.getObjectRequest(g -> g.bucket("mpu").key("tm/big.bin")).destination(dst))
          .completionFuture().get();
      assertThat(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dst)))
          .isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
    }
  }

  @Test void lowLevelMultipartWithCompositeChecksumAndPartsQueries() {
    byte[] p1 = random(5 * MIB, 2), p2 = random(3 * MIB, 3);
    String id = s3.createMultipartUpload(b -> b.bucket("mpu").key("manual").contentType("application/x-test")
        .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
    UploadPartResponse r1 = s3.uploadPart(b -> b.bucket("mpu").key("manual").uploadId(id).partNumber(1)
        .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(p1));
    UploadPartResponse r2 = s3.uploadPart(b -> b.bucket("mpu").key("manual").uploadId(id).partNumber(2)
        .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(p2));

    assertThat(s3.listMultipartUploads(b -> b.bucket("mpu")).uploads()).extracting(u -> u.uploadId()).contains(id);
    var parts = s3.listParts(b -> b.bucket("mpu").key("manual").uploadId(id));
    assertThat(parts.parts()).extracting(p -> p.partNumber()).containsExactly(1, 2);
    assertThat(parts.parts().get(0).checksumCRC32()).isEqualTo(r1.checksumCRC32());

    // The x-amz-checksum-crc32 of a complete is the object's (composite: CRC32 of the parts' CRC32s, -2), not its body's.
    java.util.zip.CRC32 ofParts = new java.util.zip.CRC32();
    ofParts.update(java.util.Base64.getDecoder().decode(r1.checksumCRC32()));
    ofParts.update(java.util.Base64.getDecoder().decode(r2.checksumCRC32()));
    String composite = java.util.Base64.getEncoder().encodeToString(
        java.nio.ByteBuffer.allocate(4).putInt((int) ofParts.getValue()).array()) + "-2";
    List<CompletedPart> listed = List.of(
        CompletedPart.builder().partNumber(1).eTag(r1.eTag()).checksumCRC32(r1.checksumCRC32()).build(),
        CompletedPart.builder().partNumber(2).eTag(r2.eTag()).checksumCRC32(r2.checksumCRC32()).build());
    assertThatThrownBy(() -> s3.completeMultipartUpload(b -> b.bucket("mpu").key("manual").uploadId(id)
        .checksumCRC32("AAAAAA==-2").multipartUpload(m -> m.parts(listed))))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest"));
    var done = s3.completeMultipartUpload(b -> b.bucket("mpu").key("manual").uploadId(id).checksumCRC32(composite)
        .multipartUpload(m -> m.parts(listed)));
    assertThat(done.eTag()).endsWith("-2\"");
    assertThat(done.checksumCRC32()).isEqualTo(composite);
    // A retried complete (its answer lost) gets the same answer; another part list or upload id does not.
    var again = s3.completeMultipartUpload(b -> b.bucket("mpu").key("manual").uploadId(id).multipartUpload(m -> m.parts(
        CompletedPart.builder().partNumber(1).eTag(r1.eTag()).build(), CompletedPart.builder().partNumber(2).eTag(r2.eTag()).build())));
    assertThat(again.eTag()).isEqualTo(done.eTag());
    assertThat(again.checksumCRC32()).isEqualTo(done.checksumCRC32());
    assertThatThrownBy(() -> s3.completeMultipartUpload(b -> b.bucket("mpu").key("manual").uploadId(id)
        .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(r1.eTag()).build()))))
        .isInstanceOf(NoSuchUploadException.class);
    assertThatThrownBy(() -> s3.completeMultipartUpload(b -> b.bucket("mpu").key("manual").uploadId(id.substring(0, 31) + "0")
        .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(r1.eTag()).build(),
            CompletedPart.builder().partNumber(2).eTag(r2.eTag()).build()))))
        .isInstanceOf(NoSuchUploadException.class);

    ResponseBytes<GetObjectResponse> whole = s3.getObjectAsBytes(b -> b.bucket("mpu").key("manual").checksumMode(ChecksumMode.ENABLED));
    assertThat(whole.asByteArray()).hasSize(8 * MIB);
    assertThat(whole.response().contentType()).isEqualTo("application/x-test");
    assertThat(whole.response().checksumType()).isEqualTo(ChecksumType.COMPOSITE);
    ResponseBytes<GetObjectResponse> second = s3.getObjectAsBytes(b -> b.bucket("mpu").key("manual").partNumber(2));
    assertThat(second.asByteArray()).isEqualTo(p2);
    assertThat(second.response().partsCount()).isEqualTo(2);
    assertThat(s3.listMultipartUploads(b -> b.bucket("mpu")).uploads()).extracting(u -> u.uploadId()).doesNotContain(id);

    var attrs = s3.getObjectAttributes(b -> b.bucket("mpu").key("manual").objectAttributes(
        software.amazon.awssdk.services.s3.model.ObjectAttributes.E_TAG,
        software.amazon.awssdk.services.s3.model.ObjectAttributes.CHECKSUM,
        software.amazon.awssdk.services.s3.model.ObjectAttributes.OBJECT_PARTS,
        software.amazon.awssdk.services.s3.model.ObjectAttributes.OBJECT_SIZE));
    assertThat("\"" + attrs.eTag() + "\"").isEqualTo(done.eTag());
    assertThat(attrs.objectSize()).isEqualTo(8L * MIB);
    assertThat(attrs.objectParts().totalPartsCount()).isEqualTo(2);
    assertThat(attrs.checksum().checksumCRC32()).isEqualTo(done.checksumCRC32());
  }

  @Test void uploadPartCopyAndFullObjectCrc64() {
    byte[] src = random(6 * MIB, 4);
    s3.putObject(b -> b.bucket("mpu").key("copy-src"), RequestBody.fromBytes(src));
    String id = s3.createMultipartUpload(b -> b.bucket("mpu").key("copied")
        .checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME).checksumType(ChecksumType.FULL_OBJECT)).uploadId();
    var c1 = s3.uploadPartCopy(b -> b.sourceBucket("mpu").sourceKey("copy-src").destinationBucket("mpu")
        .destinationKey("copied").uploadId(id).partNumber(1).copySourceRange("bytes=0-" + (5 * MIB - 1)));
    var c2 = s3.uploadPartCopy(b -> b.sourceBucket("mpu").sourceKey("copy-src").destinationBucket("mpu")
        .destinationKey("copied").uploadId(id).partNumber(2).copySourceRange("bytes=" + 5 * MIB + "-" + (6 * MIB - 1)));
    var done = s3.completeMultipartUpload(b -> b.bucket("mpu").key("copied").uploadId(id).multipartUpload(m -> m.parts(
        CompletedPart.builder().partNumber(1).eTag(c1.copyPartResult().eTag()).build(),
        CompletedPart.builder().partNumber(2).eTag(c2.copyPartResult().eTag()).build())));
    String single = s3.putObject(b -> b.bucket("mpu").key("single-copy").checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME),
        RequestBody.fromBytes(src)).checksumCRC64NVME();
    assertThat(done.checksumCRC64NVME()).isEqualTo(single);
    assertThat(s3.getObjectAsBytes(b -> b.bucket("mpu").key("copied").checksumMode(ChecksumMode.ENABLED)).asByteArray())
        .isEqualTo(src);
  }

  @Test void completeChecksPartsOrderAndSizeAndAbortRemovesUpload() {
    String id = s3.createMultipartUpload(b -> b.bucket("mpu").key("bad")).uploadId();
    String e1 = s3.uploadPart(b -> b.bucket("mpu").key("bad").uploadId(id).partNumber(1), RequestBody.fromString("small")).eTag();
    String e2 = s3.uploadPart(b -> b.bucket("mpu").key("bad").uploadId(id).partNumber(2), RequestBody.fromString("tail")).eTag();
    assertThatThrownBy(() -> complete(id, List.of(part(2, e2), part(1, e1))))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPartOrder"));
    assertThatThrownBy(() -> complete(id, List.of(part(1, "\"0000\""))))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPart"));
    assertThatThrownBy(() -> complete(id, List.of(part(1, e1), part(2, e2))))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityTooSmall"));
    assertThatThrownBy(() -> s3.uploadPart(b -> b.bucket("mpu").key("bad").uploadId(id).partNumber(10001),
        RequestBody.fromString("x"))).isInstanceOfSatisfying(S3Exception.class,
        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument"));
    s3.abortMultipartUpload(b -> b.bucket("mpu").key("bad").uploadId(id));
    assertThatThrownBy(() -> s3.listParts(b -> b.bucket("mpu").key("bad").uploadId(id))).isInstanceOf(NoSuchUploadException.class);
    assertThatThrownBy(() -> s3.uploadPart(b -> b.bucket("mpu").key("bad").uploadId(id).partNumber(1),
        RequestBody.fromString("x"))).isInstanceOf(NoSuchUploadException.class);
    assertThatThrownBy(() -> s3.headObject(b -> b.bucket("mpu").key("bad"))).isInstanceOf(S3Exception.class);
  }

  private static CompletedPart part(int n, String etag) { return CompletedPart.builder().partNumber(n).eTag(etag).build(); }

  private static void complete(String id, List<CompletedPart> parts) {
    s3.completeMultipartUpload(b -> b.bucket("mpu").key("bad").uploadId(id).multipartUpload(m -> m.parts(parts)));
  }
}

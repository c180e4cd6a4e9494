package io.thingtank.s3.checksum;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Everything S3 computes over an object body in one pass: the MD5 (the ETag), the flexible
 * checksum (the requested algorithm, else CRC64NVME as S3 does by default), and, when the
 * client declared a payload hash, the SHA-256 to compare with it. Not thread-safe.
 */
public final class BodyDigests {
  private final Hasher md5 = new Hasher.OfDigest(ChecksumAlgorithm.digest("MD5"));
  private final ChecksumAlgorithm algorithm;
  private final Hasher checksum;
  private final Hasher sha256;
  private long size;

  public BodyDigests(ChecksumAlgorithm algorithm, boolean withSha256) {
    this.algorithm = algorithm == null ? ChecksumAlgorithm.CRC64NVME : algorithm;
    this.checksum = this.algorithm.newHasher();
    this.sha256 = withSha256 ? ChecksumAlgorithm.SHA256.newHasher() : null;
  }

  public void update(byte[] b, int off, int len) {
    md5.update(b, off, len);
    checksum.update(b, off, len);
    if (sha256 != null) sha256.update(b, off, len);
    size += len;
  }

  /** Consumes {@code buf}'s remaining bytes; a heap buffer is read in place, not copied. */
  public void update(ByteBuffer buf) {
    int start = buf.position();
    int len = buf.remaining();
    md5.update(buf);
    buf.position(start);
    checksum.update(buf);
    if (sha256 != null) {
      buf.position(start);
      sha256.update(buf);
    }
    buf.position(start + len);
    size += len;
  }

  /** Ends the pass; call once. */
  public Result finish() {
    return new Result(size, md5.finish(), algorithm, Base64.getEncoder().encodeToString(checksum.finish()),
        sha256 == null ? null : HexFormat.of().formatHex(sha256.finish()));
  }

  /** The digests of one body; {@code checksum} is base64, {@code sha256Hex} null unless asked for. */
  public record Result(long size, byte[] md5, ChecksumAlgorithm algorithm, String checksum, String sha256Hex) {
    public String etag() { return HexFormat.of().formatHex(md5); }
  }
}

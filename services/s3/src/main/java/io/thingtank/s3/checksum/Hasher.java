package io.thingtank.s3.checksum;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.zip.Checksum;

/** An incremental checksum or digest; one per body, not thread-safe. */
public interface Hasher {
  void update(byte[] b, int off, int len);

  /** Consumes {@code buf}'s remaining bytes (its position ends at its limit), without copying a heap buffer. */
  void update(ByteBuffer buf);

  /** The final value as big-endian bytes. */
  byte[] finish();

  default void update(byte[] b) { update(b, 0, b.length); }

  /** A {@link java.util.zip.Checksum} (CRC32, CRC32C) of {@code width} bytes. */
  record OfChecksum(Checksum checksum, int width) implements Hasher {
    @Override public void update(byte[] b, int off, int len) { checksum.update(b, off, len); }

    @Override public void update(ByteBuffer buf) { checksum.update(buf); }

    @Override public byte[] finish() {
      long v = checksum.getValue();
      return width == 4 ? ByteBuffer.allocate(4).putInt((int) v).array() : ByteBuffer.allocate(8).putLong(v).array();
    }
  }

  /** A {@link MessageDigest} (MD5, SHA-1, SHA-256). */
  record OfDigest(MessageDigest digest) implements Hasher {
    @Override public void update(byte[] b, int off, int len) { digest.update(b, off, len); }

    @Override public void update(ByteBuffer buf) { digest.update(buf); }

    @Override public byte[] finish() { return digest.digest(); }
  }
}

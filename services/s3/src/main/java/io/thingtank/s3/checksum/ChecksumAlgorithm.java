package io.thingtank.s3.checksum;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * S3's flexible checksum algorithms (S3 User Guide, "Checking object integrity"): the header
 * {@code x-amz-checksum-<name>} carries the base64 of the big-endian checksum bytes.
 */
public enum ChecksumAlgorithm {
  CRC32, CRC32C, CRC64NVME, SHA1, SHA256;

  /** Digests never updated, only cloned (cloning reads them, so concurrent clones are safe). */
  private static final Map<String, MessageDigest> PROTOTYPES = new ConcurrentHashMap<>();

  /** {@code x-amz-checksum-crc32} and so on. */
  public String header() { return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT); }

  /** The XML element of list and complete-multipart documents, e.g. {@code ChecksumCRC32}. */
  public String element() { return "Checksum" + name(); }

  /** Whether S3 can combine part checksums of this algorithm into a full-object checksum. */
  public boolean isCrc() { return this == CRC32 || this == CRC32C || this == CRC64NVME; }

  /** Parses {@code crc32}, {@code CRC32C}, ...; null for null, throws for an unknown name. */
  public static ChecksumAlgorithm parse(String name) {
    if (name == null || name.isEmpty()) return null;
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  public Hasher newHasher() {
    return switch (this) {
      case CRC32 -> new Hasher.OfChecksum(new CRC32(), 4);
      case CRC32C -> new Hasher.OfChecksum(new CRC32C(), 4);
      case CRC64NVME -> CrtCrc64Nvme.usable() ? new CrtCrc64Nvme() : new Crc64Nvme();
      case SHA1 -> new Hasher.OfDigest(digest("SHA-1"));
      case SHA256 -> new Hasher.OfDigest(digest("SHA-256"));
    };
  }

  /** A new digest: a clone of a pristine prototype per algorithm (no provider look-up per body). */
  static MessageDigest digest(String name) {
    MessageDigest prototype = PROTOTYPES.computeIfAbsent(name, ChecksumAlgorithm::newDigest);
    try {
      return (MessageDigest) prototype.clone();
    } catch (CloneNotSupportedException e) {
      return newDigest(name);
    }
  }

  private static MessageDigest newDigest(String name) {
    try {
      return MessageDigest.getInstance(name);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

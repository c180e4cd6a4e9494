package io.thingtank.s3.store;

import io.thingtank.core.storage.Keys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Byte layout of the versioning rows of the {@code s3} table (next to {@link S3Keys}):
 * <pre>
 * [0x05][bucket 0x00][key bytes 0x00][MAX - seq:8 BE] -> ObjectMeta (JSON): every version of a bucket
 *                                                       that ever had versioning, delete markers included
 * [0x06][bucket 0x00]                                 -> VersioningConfig (JSON)
 * [0x07][bucket 0x00]                                 -> LifecycleRules (JSON)
 * </pre>
 * Versions sort by key (UTF-8 binary, as S3 lists them: the 0x00 terminator sorts below every key
 * byte, and keys never contain U+0000) and, within a key, newest first.
 */
final class VersionKeys {
  static final byte VERSION = 5, VERSIONING = 6, LIFECYCLE = 7;

  private VersionKeys() {}

  static byte[] versions(String bucket) { return Keys.of(VERSION, bucket); }

  /** Every version of keys starting with {@code prefix} (no terminator). */
  static byte[] keyPrefix(String bucket, String prefix) {
    return Keys.of(VERSION, bucket, prefix.getBytes(StandardCharsets.UTF_8));
  }

  /** Every version of exactly {@code key}. */
  static byte[] versionsOf(String bucket, String key) { return Keys.of(VERSION, bucket, key); }

  static byte[] version(String bucket, String key, long seq) {
    return Keys.of(VERSION, bucket, key, ByteBuffer.allocate(8).putLong(Long.MAX_VALUE - seq).array());
  }

  /** The first row after every version of {@code key}. */
  static byte[] afterKey(String bucket, String key) { return Keys.prefixEnd(versionsOf(bucket, key)); }

  static byte[] versioning(String bucket) { return Keys.of(VERSIONING, bucket); }

  static byte[] lifecycle(String bucket) { return Keys.of(LIFECYCLE, bucket); }
}

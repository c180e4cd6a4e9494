package io.thingtank.s3.store;

import io.thingtank.core.storage.Keys;
import java.nio.charset.StandardCharsets;

/**
 * Byte layout of the {@code s3} table (strings are UTF-8 followed by 0x00, ints big-endian with
 * the sign bit flipped, as {@link Keys#of} writes them):
 * <pre>
 * [0x01][bucket 0x00]                      -> Bucket (JSON)
 * [0x02][bucket 0x00][key bytes]           -> ObjectMeta (JSON); keys sort as S3 lists them (UTF-8 binary)
 * [0x03][bucket 0x00][uploadId 0x00]       -> Upload (JSON)
 * [0x04][uploadId 0x00][partNumber:4]      -> Part (JSON)
 * </pre>
 * The object key is the key's raw UTF-8 with no terminator, so a prefix scan over a key prefix is
 * a range scan.
 */
final class S3Keys {
  static final byte BUCKET = 1, OBJECT = 2, UPLOAD = 3, PART = 4;

  private S3Keys() {}

  static byte[] bucket(String name) { return Keys.of(BUCKET, name); }

  static byte[] bucketsStart() { return new byte[] {BUCKET}; }

  static byte[] objects(String bucket) { return Keys.of(OBJECT, bucket); }

  static byte[] object(String bucket, String key) { return Keys.of(OBJECT, bucket, key.getBytes(StandardCharsets.UTF_8)); }

  static byte[] uploads(String bucket) { return Keys.of(UPLOAD, bucket); }

  static byte[] upload(String bucket, String uploadId) { return Keys.of(UPLOAD, bucket, uploadId); }

  static byte[] parts(String uploadId) { return Keys.of(PART, uploadId); }

  static byte[] part(String uploadId, int partNumber) { return Keys.of(PART, uploadId, partNumber); }
}

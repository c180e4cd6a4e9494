package io.thingtank.s3.version;

import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.ObjectMeta;
import java.util.HexFormat;

/**
 * Version ids: {@code "null"} for the null version, else the version's sequence number as 16
 * lower-case hex digits (opaque to clients, URL-safe, and mapping straight to the row key).
 */
public final class VersionIds {
  public static final String NULL = "null";

  private VersionIds() {}

  public static String of(long seq) { return HexFormat.of().toHexDigits(seq); }

  /** The sequence number of a non-null id; InvalidArgument for anything this store cannot have issued. */
  public static long parse(String id) {
    if (id.isEmpty()) throw S3Errors.invalidArgument("Version id cannot be the empty string");
    if (id.length() != 16) throw S3Errors.invalidVersionId();
    try {
      return HexFormat.fromHexDigitsToLong(id);
    } catch (IllegalArgumentException e) {
      throw S3Errors.invalidVersionId();
    }
  }

  /**
   * The {@code x-amz-version-id} of a write's response: the new version's id, none for a null
   * version (S3 answers none in a suspended bucket).
   */
  public static String ofWrite(ObjectMeta stored) {
    return stored.nullVersion() ? null : stored.versionId();
  }

  /** Checks an id from a request: {@code "null"} or one of ours. */
  public static void check(String id) {
    if (!NULL.equals(id)) parse(id);
  }
}

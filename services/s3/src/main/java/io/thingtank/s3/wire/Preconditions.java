package io.thingtank.s3.wire;

import io.thingtank.aws.AwsError;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.ObjectMeta;

/**
 * Conditional requests (RFC 7232 §6 evaluation order, as S3 applies it to GET, HEAD, copy
 * sources and conditional writes): If-Match, If-Unmodified-Since (412), If-None-Match,
 * If-Modified-Since (304 on reads, 412 on writes).
 */
public final class Preconditions {
  private Preconditions() {}

  /** {@code prefix}: "" for the request itself, "x-amz-copy-source-" for CopyObject's source. */
  public static void check(S3Call call, String prefix, ObjectMeta meta, boolean read) {
    String ifMatch = call.header(prefix + "if-match");
    String ifNoneMatch = call.header(prefix + "if-none-match");
    Long unmodifiedSince = HttpDates.parse(call.header(prefix + "if-unmodified-since"));
    Long modifiedSince = HttpDates.parse(call.header(prefix + "if-modified-since"));
    long lastModified = meta.lastModifiedMillis() / 1000 * 1000;
    if (ifMatch != null) {
      if (!etagMatches(ifMatch, meta.etag())) throw S3Errors.preconditionFailed();
    } else if (unmodifiedSince != null && lastModified > unmodifiedSince) {
      throw S3Errors.preconditionFailed();
    }
    if (ifNoneMatch != null) {
      if (etagMatches(ifNoneMatch, meta.etag())) throw read ? notModified(meta) : S3Errors.preconditionFailed();
    } else if (modifiedSince != null && lastModified <= modifiedSince) {
      throw read ? notModified(meta) : S3Errors.preconditionFailed();
    }
  }

  /** 304 names the version the client already has (RFC 9110 §15.4.5: ETag and Last-Modified, as S3 sends them). */
  private static AwsError notModified(ObjectMeta meta) {
    return new HeaderedError(S3Errors.notModified(),
        java.util.Map.of("etag", meta.quotedEtag(), "last-modified", HttpDates.http(meta.lastModifiedMillis())));
  }

  static boolean etagMatches(String header, String etag) {
    for (String t : header.split(",")) {
      String v = t.trim();
      if (v.startsWith("W/")) v = v.substring(2);
      if (v.equals("*") || v.replace("\"", "").equals(etag)) return true;
    }
    return false;
  }
}

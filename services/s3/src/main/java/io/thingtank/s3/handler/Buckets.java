package io.thingtank.s3.handler;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.Bucket;
import io.vertx.core.Future;

/** Bucket lookups shared by handlers. */
final class Buckets {
  private Buckets() {}

  /** The bucket, or a failed NoSuchBucket. */
  static Future<Bucket> require(S3Context ctx, String name) {
    return ctx.onBucket(name, () -> ctx.store().bucket(name).orElseThrow(S3Errors::noSuchBucket));
  }

  /** S3 bucket naming rules (S3 User Guide, "Bucket naming rules"). */
  static boolean validName(String n) {
    if (n.length() < 3 || n.length() > 63) return false;
    if (!n.matches("[a-z0-9][a-z0-9.-]*[a-z0-9]")) return false;
    if (n.contains("..") || n.contains(".-") || n.contains("-.")) return false;
    if (n.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) return false;
    return !n.startsWith("xn--") && !n.endsWith("-s3alias") && !n.endsWith("--ol-s3");
  }
}

package io.thingtank.s3.handler;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.XmlOut;
import io.vertx.core.Future;

/**
 * GetBucketVersioning (buckets are never versioned here: an empty configuration, as S3 answers
 * for a bucket that never had versioning). Bucket ACLs are {@link AclHandlers}.
 */
public final class BucketSettingsHandlers {
  private final S3Context ctx;

  public BucketSettingsHandlers(S3Context ctx) { this.ctx = ctx; }

  public Future<S3Response> getVersioning(S3Call call) {
    return Buckets.require(ctx, call.bucket()).map(b -> S3Response.xml(XmlOut.document("VersioningConfiguration")));
  }
}

package io.thingtank.s3.handler;

import io.thingtank.aws.AwsError;
import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.lifecycle.LifecycleXml;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.vertx.core.Future;

/**
 * PutBucketLifecycleConfiguration (replaces every rule), GetBucketLifecycleConfiguration
 * (NoSuchLifecycleConfiguration when none) and DeleteBucketLifecycle. The rules are applied by
 * {@code lifecycle.LifecycleSweeper}.
 */
public final class LifecycleHandlers {
  private final S3Context ctx;

  public LifecycleHandlers(S3Context ctx) { this.ctx = ctx; }

  public Future<S3Response> put(S3Call call) {
    return call.body().toMemory(1024 * 1024, S3Errors.malformedXml()).compose(body -> {
      var config = LifecycleXml.parse(body.bytes().getBytes());
      return ctx.onBucket(call.bucket(), () -> {
        if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
        ctx.lifecycles().putLifecycle(call.bucket(), config);
        return S3Response.ok();
      });
    });
  }

  public Future<S3Response> get(S3Call call) {
    return ctx.onBucket(call.bucket(), () -> {
      if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
      return ctx.lifecycles().lifecycle(call.bucket()).map(c -> S3Response.xml(LifecycleXml.write(c)))
          .orElseThrow(() -> new AwsError("NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist",
              404));
    });
  }

  public Future<S3Response> delete(S3Call call) {
    return ctx.onBucket(call.bucket(), () -> {
      if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
      ctx.lifecycles().deleteLifecycle(call.bucket());
      return S3Response.noContent();
    });
  }
}

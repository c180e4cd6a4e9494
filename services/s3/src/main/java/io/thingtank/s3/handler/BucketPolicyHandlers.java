package io.thingtank.s3.handler;

import io.thingtank.aws.AwsError;
import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.access.BucketPolicy;
import io.thingtank.s3.model.Bucket;
import io.thingtank.s3.model.PublicAccessBlock;
import io.thingtank.s3.store.BucketConfigs;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** PutBucketPolicy (validated; a public policy refused under BlockPublicPolicy; stored), GetBucketPolicy, DeleteBucketPolicy; enforcement is in the dispatcher. */
public final class BucketPolicyHandlers {
  private static final int MAX_POLICY = 20 * 1024;
  private final S3Context ctx;

  public BucketPolicyHandlers(S3Context ctx) { this.ctx = ctx; }

  public Future<S3Response> put(S3Call call) {
    return call.body().toMemory(MAX_POLICY, new AwsError("PolicyTooLarge", "Policy exceeds the maximum allowed"
        + " document size.", 400)).compose(body -> {
          String json = body.bytes().toString(StandardCharsets.UTF_8);
          BucketPolicy policy = BucketPolicy.parse(json);
          return ctx.onBucket(call.bucket(), () -> {
            Bucket b = ctx.store().bucket(call.bucket()).orElseThrow(S3Errors::noSuchBucket);
            boolean blockPublic = ctx.configs().get(call.bucket(), BucketConfigs.Kind.PUBLIC_ACCESS_BLOCK,
                PublicAccessBlock.class).map(PublicAccessBlock::blockPublicPolicy).orElse(false);
            if (blockPublic && policy.isPublic()) throw S3Errors.accessDenied();
            ctx.store().putBucket(b.withPolicy(json));
            return S3Response.noContent();
          });
        });
  }

  public Future<S3Response> get(S3Call call) {
    return Buckets.require(ctx, call.bucket()).map(b -> {
      if (b.policy() == null) {
        throw new AwsError("NoSuchBucketPolicy", "The bucket policy does not exist", 404);
      }
      return S3Response.bytes(200, "application/json", Buffer.buffer(b.policy()));
    });
  }

  public Future<S3Response> delete(S3Call call) {
    return ctx.onBucket(call.bucket(), () -> {
      Bucket b = ctx.store().bucket(call.bucket()).orElseThrow(S3Errors::noSuchBucket);
      ctx.store().putBucket(b.withPolicy(null));
      return S3Response.noContent();
    });
  }
}

package io.thingtank.s3.handler;

import io.thingtank.aws.AwsError;
import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.PublicAccessBlock;
import io.thingtank.s3.store.BucketConfigs.Kind;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.XmlIn;
import io.thingtank.s3.wire.XmlOut;
import io.vertx.core.Future;

/**
 * Put/Get/DeletePublicAccessBlock on a bucket (S3 API Reference): the four flags, enforced by
 * {@code access.Authorizer}, {@code access.ObjectAcls}, the ACL handlers and PutBucketPolicy.
 */
public final class PublicAccessBlockHandlers {
  private final S3Context ctx;

  public PublicAccessBlockHandlers(S3Context ctx) { this.ctx = ctx; }

  public Future<S3Response> put(S3Call call) {
    return call.body().toMemory(16 * 1024, S3Errors.malformedXml()).compose(body -> {
      XmlIn doc = XmlIn.parse(body.bytes().getBytes(), "PublicAccessBlockConfiguration");
      PublicAccessBlock pab = new PublicAccessBlock(flag(doc, "BlockPublicAcls"), flag(doc, "IgnorePublicAcls"),
          flag(doc, "BlockPublicPolicy"), flag(doc, "RestrictPublicBuckets"));
      return ctx.onBucket(call.bucket(), () -> {
        if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
        ctx.configs().put(call.bucket(), Kind.PUBLIC_ACCESS_BLOCK, pab);
        return S3Response.ok();
      });
    });
  }

  private static boolean flag(XmlIn doc, String name) {
    String v = doc.text(name);
    if (v == null) return false;
    return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw S3Errors.malformedXml();
    };
  }

  public Future<S3Response> get(S3Call call) {
    return ctx.onBucket(call.bucket(), () -> {
      if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
      PublicAccessBlock p = ctx.configs().get(call.bucket(), Kind.PUBLIC_ACCESS_BLOCK, PublicAccessBlock.class)
          .orElseThrow(() -> new AwsError("NoSuchPublicAccessBlockConfiguration",
              "The public access block configuration was not found", 404));
      return S3Response.xml(XmlOut.document("PublicAccessBlockConfiguration")
          .el("BlockPublicAcls", p.blockPublicAcls()).el("IgnorePublicAcls", p.ignorePublicAcls())
          .el("BlockPublicPolicy", p.blockPublicPolicy()).el("RestrictPublicBuckets", p.restrictPublicBuckets()));
    });
  }

  public Future<S3Response> delete(S3Call call) {
    return ctx.onBucket(call.bucket(), () -> {
      if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
      ctx.configs().delete(call.bucket(), Kind.PUBLIC_ACCESS_BLOCK);
      return S3Response.noContent();
    });
  }
}

package io.thingtank.s3.handler;

import io.thingtank.aws.AwsError;
import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.access.BucketAccess;
import io.thingtank.s3.model.Acl;
import io.thingtank.s3.model.OwnershipControls;
import io.thingtank.s3.store.BucketConfigs.Kind;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.XmlIn;
import io.thingtank.s3.wire.XmlOut;
import io.vertx.core.Future;
import java.util.Set;

/**
 * Put/Get/DeleteBucketOwnershipControls (S3 API Reference): one rule, ObjectOwnership
 * BucketOwnerEnforced, BucketOwnerPreferred or ObjectWriter. Enforced is refused while the
 * bucket ACL grants anything beyond the owner's FULL_CONTROL (as S3 does).
 */
public final class OwnershipHandlers {
  private static final Set<String> VALUES = Set.of(OwnershipControls.ENFORCED, OwnershipControls.PREFERRED,
      OwnershipControls.WRITER);
  private final S3Context ctx;

  public OwnershipHandlers(S3Context ctx) { this.ctx = ctx; }

  public Future<S3Response> put(S3Call call) {
    return call.body().toMemory(16 * 1024, S3Errors.malformedXml()).compose(body -> {
      XmlIn doc = XmlIn.parse(body.bytes().getBytes(), "OwnershipControls");
      var rules = doc.children("Rule");
      String value = rules.size() == 1 ? rules.get(0).text("ObjectOwnership") : null;
      if (value == null || !VALUES.contains(value.trim())) throw S3Errors.malformedXml();
      OwnershipControls controls = new OwnershipControls(value.trim());
      return ctx.onBucket(call.bucket(), () -> {
        BucketAccess a = BucketAccess.load(ctx.store(), ctx.configs(), call.bucket()).orElseThrow(S3Errors::noSuchBucket);
        if (controls.aclsDisabled() && a.acl().grants().stream().anyMatch(g -> !ownerFullControl(g, a.owner()))) {
          throw new AwsError("InvalidBucketAclWithObjectOwnership",
              "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting", 400);
        }
        ctx.configs().put(call.bucket(), Kind.OWNERSHIP, controls);
        return S3Response.ok();
      });
    });
  }

  private static boolean ownerFullControl(Acl.Grant g, Acl.Owner owner) {
    return owner != null && owner.id().equals(g.grantee().id()) && g.permission().equals("FULL_CONTROL");
  }

  public Future<S3Response> get(S3Call call) {
    return ctx.onBucket(call.bucket(), () -> {
      if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
      OwnershipControls c = ctx.configs().get(call.bucket(), Kind.OWNERSHIP, OwnershipControls.class)
          .orElseThrow(() -> new AwsError("OwnershipControlsNotFoundError",
              "The bucket ownership controls were not found", 404));
      return S3Response.xml(XmlOut.document("OwnershipControls").open("Rule").el("ObjectOwnership",
          c.objectOwnership()).close());
    });
  }

  public Future<S3Response> delete(S3Call call) {
    return ctx.onBucket(call.bucket(), () -> {
      if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
      ctx.configs().delete(call.bucket(), Kind.OWNERSHIP);
      return S3Response.noContent();
    });
  }
}

package io.thingtank.s3.handler;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.Bucket;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.XmlOut;
import io.vertx.core.Future;
import java.util.Set;

/**
 * Canned bucket ACLs (PutBucketAcl with {@code x-amz-acl}; GetBucketAcl shows the owner's
 * FULL_CONTROL plus the canned grant).
 */
public final class BucketSettingsHandlers {
  private static final Set<String> CANNED = Set.of("private", "public-read", "public-read-write", "authenticated-read");
  private final S3Context ctx;

  public BucketSettingsHandlers(S3Context ctx) { this.ctx = ctx; }

  public Future<S3Response> putAcl(S3Call call) {
    String acl = call.header("x-amz-acl");
    if (acl == null || !CANNED.contains(acl)) {
      return Future.failedFuture(S3Errors.notImplemented("only canned ACLs (x-amz-acl) are supported"));
    }
    return ctx.onBucket(call.bucket(), () -> {
      Bucket b = ctx.store().bucket(call.bucket()).orElseThrow(S3Errors::noSuchBucket);
      ctx.store().putBucket(b.withAcl(acl));
      return S3Response.ok();
    });
  }

  public Future<S3Response> getAcl(S3Call call) {
    return Buckets.require(ctx, call.bucket()).map(b -> {
      String owner = OwnerIds.canonical(call);
      XmlOut x = XmlOut.document("AccessControlPolicy");
      x.open("Owner").el("ID", owner).el("DisplayName", "thingtank").close().open("AccessControlList");
      grant(x, "CanonicalUser", owner, "FULL_CONTROL");
      if (b.acl().startsWith("public-read")) grant(x, "Group", "http://acs.amazonaws.com/groups/global/AllUsers", "READ");
      if (b.acl().equals("public-read-write")) grant(x, "Group", "http://acs.amazonaws.com/groups/global/AllUsers", "WRITE");
      if (b.acl().equals("authenticated-read")) {
        grant(x, "Group", "http://acs.amazonaws.com/groups/global/AuthenticatedUsers", "READ");
      }
      return S3Response.xml(x);
    });
  }

  private static void grant(XmlOut x, String type, String id, String permission) {
    x.open("Grant").open("Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"" + type + "\"");
    if (type.equals("Group")) x.el("URI", id);
    else x.el("ID", id);
    x.closeAs("Grantee").el("Permission", permission).close();
  }
}

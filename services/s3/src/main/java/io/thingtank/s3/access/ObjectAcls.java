package io.thingtank.s3.access;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.Acl;
import io.thingtank.s3.model.OwnershipControls;
import io.thingtank.s3.wire.S3Call;
import java.util.function.Function;

/**
 * The ACL a new object gets (S3 User Guide, "Controlling ownership of objects"): owned by its
 * writer, or by the bucket owner under BucketOwnerEnforced (where only
 * {@code bucket-owner-full-control} may be sent) or BucketOwnerPreferred with
 * {@code bucket-owner-full-control}; grants from the request headers, private by default; a
 * public ACL is refused when the bucket blocks public ACLs. Stateless.
 */
public final class ObjectAcls {
  private ObjectAcls() {}

  /** On the bucket's stripe: the ACL for an object {@code call} writes, given its ACL headers. */
  public static Acl forNewObject(S3Context ctx, S3Call call, Function<String, String> headers) {
    BucketAccess bucket = BucketAccess.load(ctx.store(), ctx.configs(), call.bucket()).orElseThrow(S3Errors::noSuchBucket);
    return forNewObject(bucket, ctx.principals().of(call.auth()), headers, ctx.principals());
  }

  public static Acl forNewObject(BucketAccess bucket, Principal writer, Function<String, String> headers,
      Principals users) {
    String canned = AclHeaders.canned(headers);
    boolean ownerFullControl = "bucket-owner-full-control".equals(canned);
    if (bucket.aclsDisabled()) {
      if (AclHeaders.present(headers) && !ownerFullControl) throw S3Errors.accessControlListNotSupported();
      return Acl.privateTo(bucket.owner());
    }
    Acl.Owner owner = writer.anonymous()
        || bucket.ownership() != null && OwnershipControls.PREFERRED.equals(bucket.ownership().objectOwnership())
        && ownerFullControl ? bucket.owner() : writer.user();
    Acl acl = AclHeaders.parse(headers, owner, bucket.owner(), users);
    if (acl == null) acl = Acl.privateTo(owner);
    if (bucket.publicAccessBlock().blockPublicAcls() && acl.isPublic()) throw S3Errors.accessDenied();
    return acl;
  }
}

package io.thingtank.s3.handler;

import io.thingtank.aws.AwsError;
import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.access.BucketAccess;
import io.thingtank.s3.access.Principal;
import io.thingtank.s3.model.Acl;
import io.thingtank.s3.model.Bucket;
import io.thingtank.s3.model.OwnershipControls;
import io.thingtank.s3.store.BucketConfigs.Kind;
import java.util.Set;

/**
 * What CreateBucket records besides the bucket row: its owner and ACL (from {@code x-amz-acl} or
 * {@code x-amz-grant-*}, private by default) and its {@code x-amz-object-ownership}. A name taken
 * by another canonical user is BucketAlreadyExists, by the caller BucketAlreadyOwnedByYou.
 */
final class BucketCreation {
  private static final Set<String> OWNERSHIP = Set.of(OwnershipControls.ENFORCED, OwnershipControls.PREFERRED,
      OwnershipControls.WRITER);

  private BucketCreation() {}

  /** The ownership rule the header asks for (null: none), refused with ACL grants under BucketOwnerEnforced. */
  static OwnershipControls ownership(String header, Acl grants) {
    if (header == null) return null;
    if (!OWNERSHIP.contains(header.trim())) throw S3Errors.invalidArgument("Invalid x-amz-object-ownership header");
    OwnershipControls c = new OwnershipControls(header.trim());
    if (c.aclsDisabled() && grants != null && !grants.equals(Acl.privateTo(grants.owner()))) {
      throw new AwsError("InvalidBucketAclWithObjectOwnership",
          "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting", 400);
    }
    return c;
  }

  /** On the bucket's stripe. Configurations left by a deleted bucket of the same name are cleared first. */
  static void create(S3Context ctx, Bucket b, Principal who, Acl grants, OwnershipControls ownership) {
    var existing = BucketAccess.load(ctx.store(), ctx.configs(), b.name());
    if (existing.isPresent()) {
      Acl.Owner owner = existing.get().owner();
      throw owner == null || who.is(owner) ? S3Errors.bucketAlreadyOwnedByYou()
          : new AwsError("BucketAlreadyExists", "The requested bucket name is not available. The bucket namespace is"
              + " shared by all users of the system. Please select a different name and try again.", 409);
    }
    ctx.configs().deleteAll(b.name());
    ctx.configs().put(b.name(), Kind.ACL, grants != null ? grants : Acl.privateTo(who.user()));
    if (ownership != null) ctx.configs().put(b.name(), Kind.OWNERSHIP, ownership);
    if (!ctx.store().createBucket(b)) throw S3Errors.bucketAlreadyOwnedByYou();
  }
}

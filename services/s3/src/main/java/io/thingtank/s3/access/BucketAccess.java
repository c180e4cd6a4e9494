package io.thingtank.s3.access;

import io.thingtank.s3.model.Acl;
import io.thingtank.s3.model.Bucket;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.model.OwnershipControls;
import io.thingtank.s3.model.PublicAccessBlock;
import io.thingtank.s3.store.BucketConfigs;
import io.thingtank.s3.store.BucketConfigs.Kind;
import io.thingtank.s3.store.S3Store;
import java.util.Optional;

/**
 * What decides access to a bucket and its objects: the bucket, its ACL (with the owner), its
 * object ownership rule (null when never set), its public access block and its policy. Buckets
 * created before owners were recorded have a null owner: every signed caller owns them.
 */
public record BucketAccess(Bucket bucket, Acl acl, OwnershipControls ownership, PublicAccessBlock publicAccessBlock,
    BucketPolicy policy) {

  /** Reads it on the bucket's stripe; empty when the bucket does not exist. */
  public static Optional<BucketAccess> load(S3Store store, BucketConfigs configs, String name) {
    return store.bucket(name).map(b -> new BucketAccess(b,
        configs.get(name, Kind.ACL, Acl.class).orElseGet(() -> CannedAcls.expand(b.acl(), null, null)),
        configs.get(name, Kind.OWNERSHIP, OwnershipControls.class).orElse(null),
        configs.get(name, Kind.PUBLIC_ACCESS_BLOCK, PublicAccessBlock.class).orElse(PublicAccessBlock.NONE),
        b.policy() == null ? null : BucketPolicy.parse(b.policy())));
  }

  public Acl.Owner owner() { return acl.owner(); }

  public boolean isOwner(Principal who) { return !who.anonymous() && (owner() == null || who.is(owner())); }

  public boolean aclsDisabled() { return ownership != null && ownership.aclsDisabled(); }

  /** The owner to show: the recorded one, else (an owner-less old bucket) the caller. */
  public Acl.Owner shownOwner(Principal who) { return owner() != null ? owner() : who.user(); }

  /** An object's ACL: its own, or (objects written before ACLs were kept) private to the bucket owner. */
  public Acl objectAcl(ObjectMeta meta, Principal who) {
    if (aclsDisabled()) return Acl.privateTo(shownOwner(who));
    if (meta.acl() != null) return meta.acl();
    return owner() == null ? new Acl(null, java.util.List.of()) : Acl.privateTo(owner());
  }
}

package io.thingtank.s3.access;

import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.Acl;
import io.thingtank.s3.model.Acl.Grant;
import io.thingtank.s3.model.Acl.Grantee;
import java.util.ArrayList;
import java.util.List;

/** The canned ACLs (S3 User Guide, "Canned ACL") expanded into grants. Stateless. */
public final class CannedAcls {
  private CannedAcls() {}

  /**
   * @param owner the resource's owner (null for a bucket created before owners were recorded)
   * @param bucketOwner the bucket's owner (for {@code bucket-owner-read/-full-control}); may be null
   */
  public static Acl expand(String canned, Acl.Owner owner, Acl.Owner bucketOwner) {
    List<Grant> g = new ArrayList<>();

    switch (canned) {
      case "private", "aws-exec-read" -> { }
      case "public-read" -> g.add(new Grant(Grantee.group(Acl.ALL_USERS), "READ"));
      case "public-read-write" -> {
        g.add(new Grant(Grantee.group(Acl.ALL_USERS), "READ"));
        g.add(new Grant(Grantee.group(Acl.ALL_USERS), "WRITE"));
      }
      case "authenticated-read" -> g.add(new Grant(Grantee.group(Acl.AUTHENTICATED_USERS), "READ"));
      case "log-delivery-write" -> {
        g.add(new Grant(Grantee.group(Acl.LOG_DELIVERY), "WRITE"));
        g.add(new Grant(Grantee.group(Acl.LOG_DELIVERY), "READ_ACP"));
      }
      case "bucket-owner-read", "bucket-owner-full-control" -> {
        if (bucketOwner != null && (owner == null || !bucketOwner.id().equals(owner.id()))) {
          g.add(new Grant(Grantee.user(bucketOwner), canned.equals("bucket-owner-read") ? "READ" : "FULL_CONTROL"));
        }
      }
      default -> throw S3Errors.invalidArgument("Invalid canned ACL: " + canned);
    }
    // Group grants first, then the owner's (the order RGW lists them in, which ceph/s3-tests compare).
    if (owner != null) g.add(new Grant(Grantee.user(owner), "FULL_CONTROL"));
    return new Acl(owner, List.copyOf(g));
  }
}

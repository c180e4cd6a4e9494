package io.thingtank.s3.access;

import io.thingtank.s3.model.Acl;

/**
 * Who sent a request: anonymous, or the S3 canonical user of the signing access key. Every
 * access key of this ThingTank is its own canonical user (its own "account" to S3), so buckets
 * and objects of one key are another key's cross-account resources, governed by ACLs and policies.
 */
public record Principal(Acl.Owner user) {
  public static final Principal ANONYMOUS = new Principal(null);

  public boolean anonymous() { return user == null; }

  public String id() { return user == null ? null : user.id(); }

  public boolean is(Acl.Owner owner) { return user != null && owner != null && user.id().equals(owner.id()); }
}

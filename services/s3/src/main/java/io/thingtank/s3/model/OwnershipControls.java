package io.thingtank.s3.model;

/**
 * A bucket's object ownership rule (S3 API Reference, PutBucketOwnershipControls):
 * {@code BucketOwnerEnforced} (ACLs disabled), {@code BucketOwnerPreferred} or {@code ObjectWriter}.
 */
public record OwnershipControls(String objectOwnership) {
  public static final String ENFORCED = "BucketOwnerEnforced";
  public static final String PREFERRED = "BucketOwnerPreferred";
  public static final String WRITER = "ObjectWriter";

  public boolean aclsDisabled() { return ENFORCED.equals(objectOwnership); }
}

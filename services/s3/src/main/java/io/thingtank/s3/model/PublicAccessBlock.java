package io.thingtank.s3.model;

/** A bucket's PublicAccessBlockConfiguration (S3 API Reference, PutPublicAccessBlock); absent means all false. */
public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
    boolean restrictPublicBuckets) {
  public static final PublicAccessBlock NONE = new PublicAccessBlock(false, false, false, false);
}

package io.thingtank.s3.model;

/**
 * A bucket's versioning configuration (S3 API Reference, PutBucketVersioning): {@code status}
 * {@code Enabled} or {@code Suspended}; {@code mfaDelete} {@code Disabled} once configured, null
 * when never configured (GetBucketVersioning then leaves the element out).
 */
public record VersioningConfig(String status, String mfaDelete) {
  public boolean enabled() { return "Enabled".equals(status); }
}

package io.thingtank.s3.wire;

/**
 * Which bucket and key a request addresses; {@code bucket} null for the service (ListBuckets),
 * {@code key} null for bucket operations. The key is percent-decoded.
 */
public record S3Address(String bucket, String key, boolean virtualHost) {}

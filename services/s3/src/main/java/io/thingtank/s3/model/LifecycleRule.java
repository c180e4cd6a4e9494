package io.thingtank.s3.model;

import java.util.Map;

/**
 * One rule of a bucket's lifecycle configuration (S3 API Reference, PutBucketLifecycleConfiguration;
 * S3 User Guide, "Lifecycle configuration elements"). Null fields were not given.
 *
 * @param legacyPrefix the rule used the top-level {@code <Prefix>} instead of {@code <Filter>}
 * @param and the filter was an {@code <And>} of its conditions
 * @param expirationDate epoch millis of an ISO 8601 midnight-UTC date
 */
public record LifecycleRule(String id, boolean enabled, String prefix, boolean legacyPrefix, boolean and,
    Map<String, String> tags, Long sizeGreaterThan, Long sizeLessThan, Integer expirationDays, Long expirationDate,
    Boolean expiredObjectDeleteMarker, Integer noncurrentDays, Integer newerNoncurrentVersions, Integer abortDays) {

  /** The filter on key, tags and size (delete markers have no tags and size 0). */
  public boolean matches(ObjectMeta m) {
    if (prefix != null && !m.key().startsWith(prefix)) return false;
    if (tags != null && !tags.isEmpty()) {
      Map<String, String> have = m.tags() == null ? Map.of() : m.tags();
      for (var t : tags.entrySet()) if (!t.getValue().equals(have.get(t.getKey()))) return false;
    }
    if (sizeGreaterThan != null && m.size() <= sizeGreaterThan) return false;
    return sizeLessThan == null || m.size() < sizeLessThan;
  }

  public boolean expiresCurrent() { return expirationDays != null || expirationDate != null; }
}

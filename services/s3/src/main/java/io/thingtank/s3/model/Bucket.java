package io.thingtank.s3.model;

import java.util.Map;

/**
 * A bucket: its name, when it was created, its region (LocationConstraint), canned ACL and tags
 * (null when none were ever set).
 */
public record Bucket(String name, long createdMillis, String region, String acl, Map<String, String> tags) {
  public Bucket withAcl(String a) { return new Bucket(name, createdMillis, region, a, tags); }

  public Bucket withTags(Map<String, String> t) { return new Bucket(name, createdMillis, region, acl, t); }
}

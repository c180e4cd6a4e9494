package io.thingtank.s3.model;

import java.util.List;
import java.util.Map;

/**
 * A bucket: its name, when it was created, its region (LocationConstraint), canned ACL, tags,
 * bucket policy (the JSON document as stored) and CORS rules; null where never set.
 */
public record Bucket(String name, long createdMillis, String region, String acl, Map<String, String> tags,
    String policy, List<CorsRule> cors) {

  public Bucket withAcl(String a) { return new Bucket(name, createdMillis, region, a, tags, policy, cors); }

  public Bucket withTags(Map<String, String> t) { return new Bucket(name, createdMillis, region, acl, t, policy, cors); }

  public Bucket withPolicy(String p) { return new Bucket(name, createdMillis, region, acl, tags, p, cors); }

  public Bucket withCors(List<CorsRule> c) { return new Bucket(name, createdMillis, region, acl, tags, policy, c); }
}

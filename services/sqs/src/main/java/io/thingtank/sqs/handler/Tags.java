package io.thingtank.sqs.handler;

import io.thingtank.sqs.SqsErrors;
import java.util.Map;

/** Queue tag limits (Developer Guide, "Tagging quotas"): 50 tags, keys 1-128, values up to 256. Stateless. */
final class Tags {
  static final int MAX = 50;

  private Tags() {}

  /** The tags checked, a missing value read as empty (a query-protocol Tag.N.Key without Tag.N.Value). */
  static Map<String, String> checked(Map<String, String> tags) {
    Map<String, String> out = new java.util.HashMap<>();
    if (tags == null) return out;
    check(tags);
    tags.forEach((k, v) -> out.put(k, v == null ? "" : v));
    return out;
  }

  static void check(Map<String, String> tags) {
    if (tags == null) return;
    if (tags.size() > MAX) throw SqsErrors.invalidParameterValue("Too many tags added for queue. Max is " + MAX + ".");
    for (Map.Entry<String, String> e : tags.entrySet()) {
      if (e.getKey() == null || e.getKey().isEmpty() || e.getKey().length() > 128) {
        throw SqsErrors.invalidParameterValue("Tag keys must be between 1 and 128 characters in length.");
      }
      if (e.getValue() != null && e.getValue().length() > 256) {
        throw SqsErrors.invalidParameterValue("Tag values may only be up to 256 characters in length.");
      }
    }
  }
}

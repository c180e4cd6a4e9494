package io.thingtank.aws.protocol;

/**
 * How one member travels in query parameters and XML when the SDK metadata does not say it: the
 * wire name, whether the list or map is flattened, and a map's key and value names.
 * Services whose SDK model was generated from a non-query model (SQS) supply these.
 */
record QueryMemberName(String name, boolean flattened, String key, String value) {
  static QueryMemberName flatList(String name) { return new QueryMemberName(name, true, null, null); }

  static QueryMemberName flatMap(String name, String key, String value) {
    return new QueryMemberName(name, true, key, value);
  }
}

package io.thingtank.aws.protocol;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of a query-protocol request: the query string plus a form-encoded body, each
 * name with its first value, sorted so that "is anything under {@code Attribute.1.}" is one
 * lookup. Immutable after construction; one per request.
 */
final class QueryParams {
  private final TreeMap<String, String> params = new TreeMap<>();

  QueryParams(AwsHttpRequest request) {
    add(request.queryParams());
    String contentType = request.header("content-type");
    boolean form = contentType == null
        || contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    if (form && request.body() != null && request.body().length > 0) {
      add(AwsHttpRequest.parseForm(new String(request.body(), java.nio.charset.StandardCharsets.UTF_8)));
    }
  }

  private void add(Map<String, List<String>> decoded) {
    decoded.forEach((k, v) -> params.putIfAbsent(k, v.get(0)));
  }

  String get(String name) { return params.get(name); }

  boolean has(String name) { return params.containsKey(name); }

  /** True if some parameter name starts with {@code prefix}. */
  boolean hasPrefix(String prefix) {
    String next = params.ceilingKey(prefix);
    return next != null && next.startsWith(prefix);
  }
}

package io.thingtank.aws.protocol;

import java.util.List;
import java.util.Map;

/**
 * The HTTP binding of one REST operation, from the service model's {@code http} trait.
 *
 * @param operation       wire name ({@code PutBucketTagging})
 * @param method          HTTP method
 * @param path            the path template
 * @param literalQuery    query keys the URI fixes ({@code tagging} -> "", {@code list-type} -> "2")
 * @param requiredQuery   required input members bound to query parameters (wire names)
 * @param requiredHeaders required input members bound to headers (lower-case names)
 * @param status          success status code
 * @param outputRoot      root element of an XML output without an explicit payload member; null if none
 */
public record HttpRoute(String operation, String method, UriTemplate path, Map<String, String> literalQuery,
    List<String> requiredQuery, List<String> requiredHeaders, int status, String outputRoot) {

  /** How specific the route is: literal query keys count most, then required members, then literal path segments. */
  public int specificity() {
    return literalQuery.size() * 100 + (requiredQuery.size() + requiredHeaders.size()) * 10 + path.literalCount();
  }
}

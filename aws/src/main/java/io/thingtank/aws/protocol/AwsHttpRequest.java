package io.thingtank.aws.protocol;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the codecs see it, independent of the server library: method, raw path
 * (still percent-encoded), raw query string (may be null), headers with lower-case names,
 * and the whole body.
 */
public record AwsHttpRequest(String method, String rawPath, String rawQuery,
    Map<String, List<String>> headers, byte[] body) {

  /** The first value of a header (name in any case), or null. */
  public String header(String name) {
    List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** The query string decoded into name -> values, in order. */
  public Map<String, List<String>> queryParams() { return parseForm(rawQuery); }

  /** Decodes {@code a=1&b=2} (application/x-www-form-urlencoded); null or empty gives an empty map. */
  public static Map<String, List<String>> parseForm(String s) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (s == null || s.isEmpty()) return out;
    for (String pair : s.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.computeIfAbsent(decode(k), x -> new ArrayList<>()).add(decode(v));
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw io.thingtank.aws.AwsErrors.malformedQueryString("malformed percent-encoding in '" + s + "'");
    }
  }
}

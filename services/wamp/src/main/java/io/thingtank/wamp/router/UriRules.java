package io.thingtank.wamp.router;

import java.util.regex.Pattern;

/**
 * URI syntax (WAMP §5.1.1): loose URIs are dot-separated non-empty components without
 * whitespace, '.' or '#'; strict URIs use only lower-case letters, digits and '_'. Wildcard
 * patterns may leave components empty; prefix patterns may be empty or end in a dot.
 */
public final class UriRules {
  private static final Pattern LOOSE = Pattern.compile("^([^\\s.#]+\\.)*([^\\s.#]+)$");
  private static final Pattern STRICT = Pattern.compile("^([0-9a-z_]+\\.)*([0-9a-z_]+)$");
  private static final Pattern LOOSE_EMPTY = Pattern.compile("^(([^\\s.#]+\\.)|\\.)*([^\\s.#]+)?$");
  private static final Pattern PREFIX = Pattern.compile("^([^\\s.#]+\\.)*([^\\s.#]*)$");

  private UriRules() {}

  public static boolean valid(String uri, boolean strict) {
    return uri != null && (strict ? STRICT : LOOSE).matcher(uri).matches();
  }

  /** Whether {@code uri} is a valid pattern for the match policy (exact, prefix or wildcard). */
  public static boolean validPattern(String uri, String match, boolean strict) {
    if (uri == null) return false;
    return switch (match) {
      case "exact" -> valid(uri, strict);
      case "prefix" -> PREFIX.matcher(uri).matches();
      case "wildcard" -> LOOSE_EMPTY.matcher(uri).matches();
      default -> false;
    };
  }

  /** Wildcard match (WAMP §14.4.6): same component count, empty pattern components match any. */
  public static boolean wildcardMatches(String[] pattern, String uri) {
    int start = 0;
    for (int i = 0; i < pattern.length; i++) {
      int dot = uri.indexOf('.', start);
      boolean last = i == pattern.length - 1;
      if (last != (dot < 0)) return false;
      int end = last ? uri.length() : dot;
      String p = pattern[i];
      if (!p.isEmpty() && (p.length() != end - start || !uri.regionMatches(start, p, 0, p.length()))) {
        return false;
      }
      start = end + 1;
    }
    return true;
  }

  /** Splits a URI into its components, keeping empty ones. */
  public static String[] components(String uri) { return uri.split("\\.", -1); }
}

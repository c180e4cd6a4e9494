package io.thingtank.wamp.router;

/**
 * URI syntax (WAMP §5.1.1): loose URIs are dot-separated non-empty components without
 * whitespace, '.' or '#'; strict URIs use only lower-case letters, digits and '_'. Wildcard
 * patterns may leave components empty; prefix patterns may be empty or end in a dot.
 */
public final class UriRules {
  private UriRules() {}

  public static boolean valid(String uri, boolean strict) {
    return uri != null && components(uri, strict, false, false);
  }

  /** Whether {@code uri} is a valid pattern for the match policy (exact, prefix or wildcard). */
  public static boolean validPattern(String uri, String match, boolean strict) {
    if (uri == null) return false;
    return switch (match) {
      case "exact" -> valid(uri, strict);
      case "prefix" -> components(uri, false, true, false);
      case "wildcard" -> components(uri, false, true, true);
      default -> false;
    };
  }

  /**
   * One pass over the characters (no regex: this runs on every CALL and PUBLISH). Components
   * must be non-empty unless {@code emptyInside} (wildcards) or it is the last one and
   * {@code emptyLast} (prefixes, wildcards).
   */
  private static boolean components(String uri, boolean strict, boolean emptyLast, boolean emptyInside) {
    int componentLength = 0;
    for (int i = 0, n = uri.length(); i < n; i++) {
      char c = uri.charAt(i);
      if (c == '.') {
        if (componentLength == 0 && !emptyInside) return false;
        componentLength = 0;
      } else if (strict ? !strictChar(c) : !looseChar(c)) {
        return false;
      } else {
        componentLength++;
      }
    }
    return componentLength > 0 || emptyLast;
  }

  private static boolean strictChar(char c) { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'; }

  /** Not '#' nor whitespace as java.util.regex's {@code \\s} has it. */
  private static boolean looseChar(char c) {
    return c != '#' && c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r';
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

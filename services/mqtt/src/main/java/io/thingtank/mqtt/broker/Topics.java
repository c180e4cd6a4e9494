package io.thingtank.mqtt.broker;

/**
 * Topic name and topic filter rules (MQTT 5 §4.7, MQTT 3.1.1 §4.7): validation, matching with
 * {@code +} and {@code #}, the {@code $}-topic rule (§4.7.2), shared subscription syntax
 * (§4.8.2) and filter coverage used by ACLs. Stateless.
 */
public final class Topics {
  private Topics() {}

  /** A topic name as PUBLISH may carry: non-empty, no wildcards, no U+0000 (§4.7.3, §1.5.4). */
  public static boolean validName(String topic) {
    if (topic == null || topic.isEmpty()) return false;
    for (int i = 0; i < topic.length(); i++) {
      char c = topic.charAt(i);
      if (c == '+' || c == '#' || c == 0) return false;
    }
    return true;
  }

  /** A topic filter (§4.7.1): '#' only last and alone in its level, '+' alone in its level. */
  public static boolean validFilter(String filter) {
    if (filter == null || filter.isEmpty() || filter.indexOf(0) >= 0) return false;
    String[] levels = filter.split("/", -1);
    for (int i = 0; i < levels.length; i++) {
      String l = levels[i];
      if (l.equals("#")) {
        if (i != levels.length - 1) return false;
      } else if (l.equals("+")) {
        continue;
      } else if (l.indexOf('#') >= 0 || l.indexOf('+') >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code topic} matches {@code filter}; wildcards never match a leading '$' (§4.7.2). */
  public static boolean matches(String filter, String topic) {
    if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) return false;
    String[] f = filter.split("/", -1);
    String[] t = topic.split("/", -1);
    int i = 0;
    for (; i < f.length; i++) {
      if (f[i].equals("#")) return true;
      if (i >= t.length) return false;
      if (!f[i].equals("+") && !f[i].equals(t[i])) return false;
    }
    return i == t.length;
  }

  /**
   * Whether every topic {@code filter} can match is also matched by {@code pattern}: the ACL
   * check for SUBSCRIBE. A '+' in the filter needs '+' or '#' in the pattern.
   */
  public static boolean covers(String pattern, String filter) {
    if (filter.startsWith("$") && (pattern.startsWith("+") || pattern.startsWith("#"))) return false;
    String[] p = pattern.split("/", -1);
    String[] f = filter.split("/", -1);
    for (int i = 0; i < p.length; i++) {
      if (p[i].equals("#")) return true;
      if (i >= f.length) return false;
      if (f[i].equals("#")) return false;
      if (p[i].equals("+")) continue;
      if (!p[i].equals(f[i])) return false;
    }
    return p.length == f.length;
  }

  /** A parsed {@code $share/<group>/<filter>} (group null when not shared), or null if malformed. */
  public static SharedFilter parse(String raw) {
    if (!raw.startsWith("$share/")) return validFilter(raw) ? new SharedFilter(null, raw) : null;
    int slash = raw.indexOf('/', 7);
    if (slash < 0) return null;
    String group = raw.substring(7, slash);
    String filter = raw.substring(slash + 1);
    // §4.8.2: the ShareName must not contain '/', '+' or '#' and must be at least one character
    if (group.isEmpty() || group.indexOf('+') >= 0 || group.indexOf('#') >= 0) return null;
    return validFilter(filter) ? new SharedFilter(group, filter) : null;
  }

  /** A topic filter with its share group (null unless shared). */
  public record SharedFilter(String group, String filter) {}
}

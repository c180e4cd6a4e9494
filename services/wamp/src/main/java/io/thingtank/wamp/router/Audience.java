package io.thingtank.wamp.router;

import java.util.Collection;
import java.util.Map;

/**
 * Subscriber black- and whitelisting of a PUBLISH (WAMP §14.4.1): {@code exclude},
 * {@code exclude_authid}, {@code exclude_authrole}, {@code eligible}, {@code eligible_authid},
 * {@code eligible_authrole}. A subscriber receives the event when no blacklist names it and
 * every given whitelist does.
 */
record Audience(Collection<?> exclude, Collection<?> excludeAuthid, Collection<?> excludeAuthrole,
    Collection<?> eligible, Collection<?> eligibleAuthid, Collection<?> eligibleAuthrole) {

  private static final Audience EVERYONE = new Audience(null, null, null, null, null, null);

  static Audience of(Map<String, Object> o) {
    if (o.isEmpty()) return EVERYONE;
    return new Audience(list(o, "exclude"), list(o, "exclude_authid"), list(o, "exclude_authrole"),
        list(o, "eligible"), list(o, "eligible_authid"), list(o, "eligible_authrole"));
  }

  private static Collection<?> list(Map<String, Object> o, String key) {
    Object v = o.get(key);
    if (v instanceof Collection<?> c) return c;
    if (v instanceof String || v instanceof Number) return java.util.List.of(v);
    return null;
  }

  boolean admits(Session s) {
    if (exclude != null && containsId(exclude, s.id())) return false;
    if (excludeAuthid != null && excludeAuthid.contains(s.authid())) return false;
    if (excludeAuthrole != null && excludeAuthrole.contains(s.authrole())) return false;
    if (eligible != null && !containsId(eligible, s.id())) return false;
    if (eligibleAuthid != null && !eligibleAuthid.contains(s.authid())) return false;
    return eligibleAuthrole == null || eligibleAuthrole.contains(s.authrole());
  }

  private static boolean containsId(Collection<?> ids, long id) {
    for (Object o : ids) if (o instanceof Number n && n.longValue() == id) return true;
    return false;
  }
}

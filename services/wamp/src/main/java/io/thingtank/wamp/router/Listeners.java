package io.thingtank.wamp.router;

import io.thingtank.wamp.auth.HistoryRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which sessions listen where in one realm, readable from any thread: lets an in-process
 * publisher (the MQTT bridge publishing every MQTT message) skip building and routing an event
 * that would reach no one. Kept by the {@link Broker} on the realm thread as subscribers come
 * and go; a reader may see a subscription a moment late, as a remote publisher would.
 * Thread-safe.
 */
final class Listeners {
  private record Key(String uri, String match) {}

  /** Session ids per exact topic. */
  private final Map<String, Set<Long>> exact = new ConcurrentHashMap<>();
  /** Session ids per prefix or wildcard pattern. */
  private final Map<Key, Set<Long>> patterns = new ConcurrentHashMap<>();
  private final List<HistoryRule> history;

  Listeners(List<HistoryRule> history) { this.history = List.copyOf(history); }

  /** Realm thread. */
  void add(String uri, String match, long session) {
    setFor(uri, match).add(session);
  }

  /** Realm thread. */
  void remove(String uri, String match, long session) {
    if ("exact".equals(match)) {
      Set<Long> s = exact.get(uri);
      if (s != null && s.remove(session) && s.isEmpty()) exact.remove(uri);
    } else {
      Key k = new Key(uri, match);
      Set<Long> s = patterns.get(k);
      if (s != null && s.remove(session) && s.isEmpty()) patterns.remove(k);
    }
  }

  /**
   * Whether an event on {@code topic} would reach a session other than {@code excluded} (0 for
   * none) or be kept by an event-history rule. Any thread.
   */
  boolean reach(String topic, long excluded) {
    if (others(exact.get(topic), excluded)) return true;
    for (Map.Entry<Key, Set<Long>> e : patterns.entrySet()) {
      if (Retention.matches(e.getKey().uri(), e.getKey().match(), topic) && others(e.getValue(), excluded)) return true;
    }
    for (HistoryRule r : history) if (Retention.matches(r.uri(), r.match(), topic)) return true;
    return false;
  }

  private static boolean others(Set<Long> sessions, long excluded) {
    if (sessions == null) return false;
    for (long s : sessions) if (s != excluded) return true;
    return false;
  }

  private Set<Long> setFor(String uri, String match) {
    return "exact".equals(match) ? exact.computeIfAbsent(uri, k -> ConcurrentHashMap.newKeySet())
        : patterns.computeIfAbsent(new Key(uri, match), k -> ConcurrentHashMap.newKeySet());
  }
}

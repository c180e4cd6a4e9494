package io.thingtank.wamp.router;

import io.thingtank.wamp.auth.HistoryRule;
import io.thingtank.wamp.store.EventStore;
import io.thingtank.wamp.store.StoredEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retained events (last event per topic) and event history (last N events per configured
 * rule) of one realm: served from memory, written through to the {@link EventStore}, and
 * loaded from it at start. Runs on the realm's thread (except {@link #load}).
 */
final class Retention {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  private final String realm;
  private final EventStore store;
  private final Map<String, StoredEvent> retained = new HashMap<>();
  private final Map<HistoryRule, Ring> history = new HashMap<>();

  private static final class Ring {
    final ArrayDeque<StoredEvent> events = new ArrayDeque<>();
    long nextSeq = 1;
  }

  Retention(String realm, EventStore store, List<HistoryRule> rules) {
    this.realm = realm;
    this.store = store;
    for (HistoryRule r : rules) history.put(r, new Ring());
  }

  /** Reads what the store holds; blocking, called once before the realm serves. */
  void load() {
    retained.putAll(store.loadRetained(realm));
    for (Map.Entry<HistoryRule, Ring> e : history.entrySet()) {
      Ring ring = e.getValue();
      for (EventStore.Sequenced s : store.loadHistory(realm, e.getKey())) {
        ring.events.addLast(s.event());
        ring.nextSeq = s.seq() + 1;
        if (ring.events.size() > e.getKey().limit()) ring.events.removeFirst();
      }
    }
  }

  void retain(StoredEvent e) {
    retained.put(e.topic(), e);
    store.putRetained(realm, e).onFailure(err -> LOG.warn("persisting a retained event failed", err));
  }

  /** Appends {@code e} to every history rule whose pattern matches its topic. */
  void record(StoredEvent e) {
    if (history.isEmpty()) return;
    for (Map.Entry<HistoryRule, Ring> en : history.entrySet()) {
      HistoryRule rule = en.getKey();
      if (!matches(rule.uri(), rule.match(), e.topic())) continue;
      Ring ring = en.getValue();
      ring.events.addLast(e);
      if (ring.events.size() > rule.limit()) ring.events.removeFirst();
      long seq = ring.nextSeq++;
      store.appendHistory(realm, rule, seq, e, seq - rule.limit() + 1)
          .onFailure(err -> LOG.warn("persisting event history failed", err));
    }
  }

  List<StoredEvent> retainedFor(String uri, String match) {
    if ("exact".equals(match)) {
      StoredEvent e = retained.get(uri);
      return e == null ? List.of() : List.of(e);
    }
    List<StoredEvent> out = new ArrayList<>();
    for (StoredEvent e : retained.values()) if (matches(uri, match, e.topic())) out.add(e);
    return out;
  }

  /** The newest {@code limit} events of the rule with this pattern, newest first; null if no history is kept. */
  List<StoredEvent> history(String uri, String match, int limit) {
    Ring ring = history.get(new HistoryRule(uri, match, 0));
    for (Map.Entry<HistoryRule, Ring> e : history.entrySet()) {
      if (e.getKey().uri().equals(uri) && e.getKey().match().equals(match)) ring = e.getValue();
    }
    if (ring == null) return null;
    List<StoredEvent> out = new ArrayList<>();
    for (Iterator<StoredEvent> it = ring.events.descendingIterator(); it.hasNext() && out.size() < limit; ) {
      out.add(it.next());
    }
    return out;
  }

  static boolean matches(String pattern, String match, String topic) {
    return switch (match) {
      case "exact" -> pattern.equals(topic);
      case "prefix" -> topic.startsWith(pattern);
      default -> UriRules.wildcardMatches(UriRules.components(pattern), topic);
    };
  }
}

package io.thingtank.wamp.store;

import io.thingtank.wamp.auth.HistoryRule;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * Durable retained events and event history of the realms. Loads block (called once at
 * start, off the event loop); writes are asynchronous and ordered per realm.
 */
public interface EventStore {
  Map<String, StoredEvent> loadRetained(String realm);

  /** The rule's events, oldest first, with their sequence numbers. */
  List<Sequenced> loadHistory(String realm, HistoryRule rule);

  Future<Void> putRetained(String realm, StoredEvent event);

  /** Appends event {@code seq} and drops events with sequence below {@code keepFrom}. */
  Future<Void> appendHistory(String realm, HistoryRule rule, long seq, StoredEvent event, long keepFrom);

  /** A history entry and its position. */
  record Sequenced(long seq, StoredEvent event) {}
}

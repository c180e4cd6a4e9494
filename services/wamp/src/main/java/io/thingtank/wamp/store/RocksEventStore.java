package io.thingtank.wamp.store;

import io.thingtank.core.storage.Keys;
import io.thingtank.core.storage.StoreExecutor;
import io.thingtank.core.storage.Table;
import io.thingtank.wamp.auth.HistoryRule;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link EventStore} in the {@code wamp} table. Key layout (strings are UTF-8 + 0x00, longs
 * 8 bytes big-endian with the sign bit flipped, see core {@code Keys}):
 * <pre>
 *   retained: "r" realm topic                 -> StoredEvent
 *   history:  "h" realm match uri seq:long    -> StoredEvent   (sorted oldest first)
 * </pre>
 * Writes run on the store executor keyed by realm, so they apply in publication order.
 */
public final class RocksEventStore implements EventStore {
  private final Table table;
  private final StoreExecutor executor;

  public RocksEventStore(Table table, StoreExecutor executor) {
    this.table = table;
    this.executor = executor;
  }

  @Override
  public Map<String, StoredEvent> loadRetained(String realm) {
    Map<String, StoredEvent> out = new HashMap<>();
    table.scanPrefix(Keys.of("r", realm), (k, v) -> {
      StoredEvent e = StoredEvent.decode(v);
      out.put(e.topic(), e);
      return true;
    });
    return out;
  }

  @Override
  public List<Sequenced> loadHistory(String realm, HistoryRule rule) {
    List<Sequenced> out = new ArrayList<>();
    byte[] prefix = historyPrefix(realm, rule);
    table.scanPrefix(prefix, (k, v) -> {
      out.add(new Sequenced(Keys.readLong(k, prefix.length), StoredEvent.decode(v)));
      return true;
    });
    return out;
  }

  @Override
  public Future<Void> putRetained(String realm, StoredEvent event) {
    return executor.submit(realm, () -> {
      table.put(Keys.of("r", realm, event.topic()), event.encode());
      return null;
    });
  }

  @Override
  public Future<Void> appendHistory(String realm, HistoryRule rule, long seq, StoredEvent event, long keepFrom) {
    byte[] prefix = historyPrefix(realm, rule);
    return executor.submit(realm, () -> {
      table.put(Keys.of(prefix, seq), event.encode());
      if (keepFrom > 0 && seq % 16 == 0) table.deleteRange(prefix, Keys.of(prefix, keepFrom));
      return null;
    });
  }

  private static byte[] historyPrefix(String realm, HistoryRule rule) {
    return Keys.of("h", realm, rule.match(), rule.uri());
  }
}

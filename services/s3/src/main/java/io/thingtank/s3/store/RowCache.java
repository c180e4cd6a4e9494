package io.thingtank.s3.store;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Decoded store rows in memory, in front of RocksDB, for rows whose every writer tells the cache
 * ({@link #written}) after its write and before its request is answered, so the next read sees
 * the write. A load that overlapped any write is returned but not kept (a change counter checked
 * under the entry's lock), so a reader that read a row before a write cannot put the old row back
 * after it. Bounded by {@link Generations}. Thread-safe.
 */
final class RowCache<K, V> {
  private final Generations<K, V> rows;
  /** Counts writes of any key. */
  private final AtomicLong changes = new AtomicLong();

  RowCache(long capacity, ToLongFunction<V> weigher) { rows = new Generations<>(capacity, weigher); }

  /** The key's row: from memory, else from {@code load} (null: no row, nothing kept). */
  V get(K key, Supplier<V> load) {
    V known = rows.get(key);
    if (known != null) return known;
    long seen = changes.get();
    V loaded = load.get();
    if (loaded != null) rows.keep(key, loaded, () -> changes.get() == seen);
    return loaded;
  }

  /** Records a write of the key's row: its new value, or null to load it again on the next read. */
  void written(K key, V value) { rows.set(key, value, changes::incrementAndGet); }
}

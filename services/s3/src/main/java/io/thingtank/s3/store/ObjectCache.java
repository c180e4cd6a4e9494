package io.thingtank.s3.store;

import io.thingtank.s3.model.ObjectMeta;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The object index rows ({@code 0x02}, each key's current version) of the keys written or read
 * last, decoded, so a GET or HEAD of them reads neither RocksDB nor JSON: the two were a quarter
 * of a small GET's handler CPU (the skip-list search of large memtables, then Jackson). Written
 * through: {@link RocksVersionStore}, the only writer of those rows, calls {@link #written} after
 * each write, before the request that wrote is answered, so the next read sees it ({@link RowCache}).
 * Bounded: the newest {@link #GENERATION} keys are kept, at most twice that ({@link Generations}).
 * Records are shared and never changed. Thread-safe: read on event loops, workers and stripes;
 * written on the bucket's stripe.
 */
public final class ObjectCache {
  static final int GENERATION = 4096;

  private record Key(String bucket, String key) {}

  private final RowCache<Key, ObjectMeta> rows = new RowCache<>(GENERATION, m -> 1);

  public ObjectCache() {}

  /** The key's current version: from memory, else from {@code load} (which reads and decodes the row). */
  Optional<ObjectMeta> get(String bucket, String key, Supplier<Optional<ObjectMeta>> load) {
    return Optional.ofNullable(rows.get(new Key(bucket, key), () -> load.get().orElse(null)));
  }

  /** Records a write of the key's row: its new current version, or null when the row was deleted. */
  void written(String bucket, String key, ObjectMeta meta) { rows.written(new Key(bucket, key), meta); }
}

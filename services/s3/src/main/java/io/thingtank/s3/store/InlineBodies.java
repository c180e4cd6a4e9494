package io.thingtank.s3.store;

import io.thingtank.core.storage.RocksEngine;
import io.thingtank.core.storage.Table;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Small object bodies kept in RocksDB (column family {@code s3-bodies}, created on first use):
 * key = the blob id's ASCII bytes ({@link Blobs#isInline} ids only), value = the body. A body is
 * written in the same batch as the metadata that first refers to it and removed in the batch that
 * drops the last reference, so neither an orphan nor a dangling reference can survive a crash.
 * The bodies written or read last are also held in memory: a body id is never reused and its
 * bytes never change, so memory can answer for it without any invalidation, and a GET of a small
 * object read from there skips the costliest step it had left (finding the row in the memtables
 * and copying it out of RocksDB, half of the small GET's handler CPU). At most twice
 * {@link #MEMORY_GENERATION} bytes are held.
 * Blocking (point reads also run on the event loop, as object rows do). Thread-safe.
 */
public final class InlineBodies {
  static final String TABLE = "s3-bodies";
  /** Bytes of bodies per generation in memory: the newest this many are always kept. */
  static final long MEMORY_GENERATION = 16 << 20;
  private final Table table;
  private final Generations<String, byte[]> recent = new Generations<>(MEMORY_GENERATION, b -> b.length);

  public InlineBodies(RocksEngine engine) { this.table = engine.table(TABLE); }

  /** Adds the rows of {@code change} to {@code batch}: the new body, and the removal of dropped ones. */
  void addTo(RocksEngine.Batch batch, BodyRows change) {
    if (change.addedId() != null) batch.put(table, key(change.addedId()), change.added());
    for (String id : change.dropped()) batch.delete(table, key(id));
  }

  /** After the batch {@link #addTo} filled is written: the new body is held, dropped ones let go. */
  void written(BodyRows change) {
    if (change.addedId() != null) recent.set(change.addedId(), change.added(), () -> { });
    for (String id : change.dropped()) recent.remove(id);
  }

  /** The body (shared: callers must not change it), or null when there is none under {@code id}. */
  byte[] get(String id) {
    byte[] held = recent.get(id);
    if (held != null) return held;
    byte[] body = table.get(key(id));
    if (body != null) recent.keep(id, body, () -> true);
    return body;
  }

  void delete(String id) {
    table.delete(key(id));
    recent.remove(id);
  }

  /** Removes every body whose id is not in {@code referenced}; returns how many. */
  int sweep(Set<String> referenced) {
    List<byte[]> gone = new ArrayList<>();
    table.scan(new byte[0], null, (k, v) -> {
      if (!referenced.contains(new String(k, StandardCharsets.US_ASCII))) gone.add(k);
      return true;
    });
    gone.forEach(table::delete);
    return gone.size();
  }

  private static byte[] key(String id) { return id.getBytes(StandardCharsets.US_ASCII); }
}

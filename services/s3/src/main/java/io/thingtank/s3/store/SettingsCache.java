package io.thingtank.s3.store;

import io.thingtank.core.storage.RocksEngine;
import io.thingtank.core.storage.Table;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The decoded {@link BucketSettings} of the buckets in use, so a request reads none of those rows
 * (most of which do not exist) from RocksDB. Every store method that writes a settings row calls
 * {@link #changed} after its write, before the request that wrote it is answered; the next read
 * loads the rows again. A load that overlapped any change is returned but not kept, so a reader
 * that read the rows before a write cannot put the old settings back after that write dropped them.
 * Bounded: emptied when it holds {@link #MAX_BUCKETS}. Thread-safe: read on event loops, workers
 * and stripes; changed on the bucket's stripe.
 */
public final class SettingsCache {
  static final int MAX_BUCKETS = 4096;
  private final Table table;
  private final Map<String, BucketSettings> cached = new ConcurrentHashMap<>();
  /** Counts changes to any bucket's settings. */
  private final AtomicLong changes = new AtomicLong();

  public SettingsCache(RocksEngine engine) { this.table = engine.table("s3"); }

  BucketSettings of(String bucket) {
    BucketSettings known = cached.get(bucket);
    if (known != null) return known;
    long seen = changes.get();
    BucketSettings loaded = BucketSettings.load(table, bucket);
    if (cached.size() >= MAX_BUCKETS) cached.clear();
    cached.compute(bucket, (name, current) -> changes.get() == seen ? loaded : current);
    return loaded;
  }

  /** Drops the bucket's settings; call after writing any of its settings rows. */
  void changed(String bucket) {
    cached.compute(bucket, (name, current) -> {
      changes.incrementAndGet();
      return null;
    });
  }
}

package io.thingtank.s3.store;

import io.thingtank.core.storage.RocksEngine;
import io.thingtank.core.storage.Table;

/**
 * The decoded {@link BucketSettings} of the buckets in use, so a request reads none of those rows
 * (most of which do not exist) from RocksDB. Every store method that writes a settings row calls
 * {@link #changed} after its write, before the request that wrote it is answered; the next read
 * loads the rows again; a load that overlapped any change is not kept ({@link RowCache}).
 * Bounded: the newest {@link #MAX_BUCKETS} buckets are kept, at most twice that. Thread-safe: read on
 * event loops, workers and stripes; changed on the bucket's stripe.
 */
public final class SettingsCache {
  static final int MAX_BUCKETS = 4096;
  private final Table table;
  private final RowCache<String, BucketSettings> cached = new RowCache<>(MAX_BUCKETS, b -> 1);

  public SettingsCache(RocksEngine engine) { this.table = engine.table("s3"); }

  BucketSettings of(String bucket) { return cached.get(bucket, () -> BucketSettings.load(table, bucket)); }

  /** Drops the bucket's settings; call after writing any of its settings rows. */
  void changed(String bucket) { cached.written(bucket, null); }
}

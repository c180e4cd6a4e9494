package io.thingtank.core.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * One column family: a sorted map of byte keys to byte values (keys compare as unsigned
 * bytes). Point reads and writes go straight to RocksDB; single writes are durable as
 * {@link RocksEngine} describes. Thread-safe; blocking.
 */
public final class Table {
  private final RocksEngine engine;
  private final String name;
  private final ColumnFamilyHandle handle;

  Table(RocksEngine engine, String name, ColumnFamilyHandle handle) {
    this.engine = engine;
    this.name = name;
    this.handle = handle;
  }

  public String name() { return name; }

  ColumnFamilyHandle handle() { return handle; }

  public byte[] get(byte[] key) {
    engine.checkOpen();
    try {
      return engine.db().get(handle, key);
    } catch (RocksDBException e) {
      throw new StorageException("get from " + name + " failed", e);
    }
  }

  public void put(byte[] key, byte[] value) {
    engine.checkOpen();
    try {
      engine.db().put(handle, engine.writeOptions(), key, value);
    } catch (RocksDBException e) {
      throw new StorageException("put into " + name + " failed", e);
    }
  }

  public void delete(byte[] key) {
    engine.checkOpen();
    try {
      engine.db().delete(handle, engine.writeOptions(), key);
    } catch (RocksDBException e) {
      throw new StorageException("delete from " + name + " failed", e);
    }
  }

  /**
   * Visits entries with {@code from <= key < to} in key order until the visitor returns false.
   * {@code to == null} means no upper bound.
   */
  public void scan(byte[] from, byte[] to, Visitor visitor) {
    engine.checkOpen();
    try (Slice upper = to == null ? null : new Slice(to);
         ReadOptions ro = new ReadOptions().setIterateUpperBound(upper);
         RocksIterator it = engine.db().newIterator(handle, ro)) {
      for (it.seek(from); it.isValid(); it.next()) {
        if (!visitor.visit(it.key(), it.value())) return;
      }
      it.status();
    } catch (RocksDBException e) {
      throw new StorageException("scan of " + name + " failed", e);
    }
  }

  /** Every entry whose key starts with {@code prefix}, in key order. */
  public void scanPrefix(byte[] prefix, Visitor visitor) {
    scan(prefix, Keys.prefixEnd(prefix), visitor);
  }

  /** Up to {@code limit} entries of {@code [from, to)}. */
  public List<Entry> range(byte[] from, byte[] to, int limit) {
    List<Entry> out = new ArrayList<>();
    scan(from, to, (k, v) -> {
      out.add(new Entry(k, v));
      return out.size() < limit;
    });
    return out;
  }

  /** Deletes every key in {@code [from, to)} (a range tombstone: O(1), atomic). */
  public void deleteRange(byte[] from, byte[] to) {
    engine.checkOpen();
    try {
      engine.db().deleteRange(handle, engine.writeOptions(), from, to);
    } catch (RocksDBException e) {
      throw new StorageException("deleteRange in " + name + " failed", e);
    }
  }

  /** Receives entries of a scan; returns false to stop. */
  @FunctionalInterface
  public interface Visitor {
    boolean visit(byte[] key, byte[] value);
  }

  /** One key and value. */
  public record Entry(byte[] key, byte[] value) {
    @Override public boolean equals(Object o) {
      return o instanceof Entry e && Arrays.equals(key, e.key) && Arrays.equals(value, e.value);
    }

    @Override public int hashCode() { return Arrays.hashCode(key) * 31 + Arrays.hashCode(value); }

    @Override public String toString() { return "Entry[" + key.length + "B -> " + value.length + "B]"; }
  }
}

package io.thingtank.core.storage;

import io.thingtank.core.ThingTankException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The embedded storage engine: one RocksDB instance with the WAL on and one column family
 * ({@link Table}) per service, created on first use.
 *
 * <p>Durability: every write goes through the WAL before it returns, so an acknowledged write
 * survives {@code kill -9} of the process (the OS holds the log). With {@code fsync} on, each
 * write also syncs the log to disk, which survives power loss at the cost of latency.
 *
 * <p>Calls block (microseconds for point operations). Stores run them on a
 * {@link StoreExecutor}, never on a Vert.x event loop. Thread-safe.
 */
public final class RocksEngine implements AutoCloseable {
  static { RocksDB.loadLibrary(); }

  private final RocksDB db;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions cfOptions;
  private final WriteOptions writeOptions;
  private final Map<String, Table> tables = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private RocksEngine(RocksDB db, DBOptions dbOptions, ColumnFamilyOptions cfOptions,
      List<ColumnFamilyHandle> handles, List<String> names, boolean fsync) {
    this.db = db;
    this.dbOptions = dbOptions;
    this.cfOptions = cfOptions;
    this.writeOptions = new WriteOptions().setSync(fsync).setDisableWAL(false);
    for (int i = 0; i < names.size(); i++) {
      tables.put(names.get(i), new Table(this, names.get(i), handles.get(i)));
    }
  }

  /**
   * Opens (or creates) the database in {@code dir}. A directory that exists but holds no
   * database is refused unless it is empty, so a wrong path never looks like an empty store.
   */
  public static RocksEngine open(Path dir, boolean fsync) {
    try {
      Files.createDirectories(dir);
    } catch (Exception e) {
      throw new ThingTankException("cannot create data directory " + dir + ": " + e.getMessage(), e);
    }
    List<String> names = existingFamilies(dir);
    DBOptions dbOptions = new DBOptions().setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setMaxBackgroundJobs(2)
        .setKeepLogFileNum(5);
    ColumnFamilyOptions cfOptions = new ColumnFamilyOptions().optimizeLevelStyleCompaction();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (String n : names) descriptors.add(new ColumnFamilyDescriptor(bytes(n), cfOptions));
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
      return new RocksEngine(db, dbOptions, cfOptions, handles, names, fsync);
    } catch (RocksDBException e) {
      String msg = String.valueOf(e.getMessage());
      if (msg.contains("lock")) {
        throw new ThingTankException("data directory " + dir
            + " is in use by another ThingTank process (" + msg + ")", e);
      }
      throw new ThingTankException("cannot open the store in " + dir
          + ": it is damaged or not a ThingTank store (" + msg + "). Nothing was changed;"
          + " restore it from a backup or point --data-dir elsewhere.", e);
    }
  }

  private static List<String> existingFamilies(Path dir) {
    List<String> names = new ArrayList<>();
    names.add(new String(RocksDB.DEFAULT_COLUMN_FAMILY));
    if (!Files.exists(dir.resolve("CURRENT"))) {
      return names;
    }
    try (Options o = new Options()) {
      for (byte[] n : RocksDB.listColumnFamilies(o, dir.toString())) {
        String s = new String(n);
        if (!names.contains(s)) names.add(s);
      }
      return names;
    } catch (RocksDBException e) {
      throw new ThingTankException("cannot read the store in " + dir
          + ": it is damaged (" + e.getMessage() + "). Nothing was changed.", e);
    }
  }

  /** The column family {@code name}, created on first use. */
  public Table table(String name) {
    return tables.computeIfAbsent(name, n -> {
      try {
        ColumnFamilyHandle h = db.createColumnFamily(new ColumnFamilyDescriptor(bytes(n), cfOptions));
        return new Table(this, n, h);
      } catch (RocksDBException e) {
        throw new StorageException("cannot create table " + n, e);
      }
    });
  }

  /** Applies every change in {@code batch} atomically (all or nothing, also across tables). */
  public void write(Batch batch) {
    try (WriteBatch wb = batch.writeBatch) {
      db.write(writeOptions, wb);
    } catch (RocksDBException e) {
      throw new StorageException("write failed", e);
    }
  }

  /** A new empty batch; fill it with the tables' {@code put}/{@code delete} and pass it to {@link #write}. */
  public Batch batch() { return new Batch(); }

  RocksDB db() { return db; }

  WriteOptions writeOptions() { return writeOptions; }

  void checkOpen() {
    if (closed) throw new StorageException("store is closed", null);
  }

  /** Flushes the memtables and closes. Safe to call twice. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    try {
      db.syncWal();
    } catch (RocksDBException ignored) {
      // the WAL is already written; a failed sync only weakens power-loss safety
    }
    for (Table t : tables.values()) t.handle().close();
    db.close();
    writeOptions.close();
    dbOptions.close();
    cfOptions.close();
  }

  static byte[] bytes(String s) { return s.getBytes(java.nio.charset.StandardCharsets.UTF_8); }

  /** Changes applied together by {@link RocksEngine#write}. Not thread-safe. */
  public static final class Batch {
    final WriteBatch writeBatch = new WriteBatch();

    public Batch put(Table t, byte[] key, byte[] value) {
      try {
        writeBatch.put(t.handle(), key, value);
      } catch (RocksDBException e) {
        throw new StorageException("batch put failed", e);
      }
      return this;
    }

    public Batch delete(Table t, byte[] key) {
      try {
        writeBatch.delete(t.handle(), key);
      } catch (RocksDBException e) {
        throw new StorageException("batch delete failed", e);
      }
      return this;
    }

    public int count() { return writeBatch.count(); }
  }
}

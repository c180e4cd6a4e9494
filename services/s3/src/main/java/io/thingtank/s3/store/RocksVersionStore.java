package io.thingtank.s3.store;

import static io.thingtank.s3.store.StoreJson.decode;
import static io.thingtank.s3.store.StoreJson.encode;

import io.thingtank.core.storage.Keys;
import io.thingtank.core.storage.RocksEngine;
import io.thingtank.core.storage.Table;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.model.Part;
import io.thingtank.s3.model.VersioningConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link VersionStore} over the {@code s3} table; layout in {@link VersionKeys}; a bucket's
 * versioning configuration is read from the {@link SettingsCache}. Every write of an object index row
 * ({@code 0x02}) is told to the {@link ObjectCache}. A change's inline bodies
 * ({@link InlineBodies}) go in the same batch as its rows.
 */
public final class RocksVersionStore implements VersionStore {
  private static final int MIGRATION_BATCH = 500;
  private final RocksEngine engine;
  private final Table table;
  private final SettingsCache settings;
  private final InlineBodies bodies;
  private final ObjectCache objects;

  public RocksVersionStore(RocksEngine engine, SettingsCache settings, InlineBodies bodies, ObjectCache objects) {
    this.engine = engine;
    this.table = engine.table("s3");
    this.settings = settings;
    this.bodies = bodies;
    this.objects = objects;
  }

  @Override
  public Optional<VersioningConfig> versioning(String bucket) {
    return Optional.ofNullable(settings.of(bucket).versioning());
  }

  /**
   * The first configuration turns the bucket's objects into null versions, in batches (a crash
   * part-way redoes them: a version's row key comes from its last-modified time), and is written last.
   */
  @Override
  public void putVersioning(String bucket, VersioningConfig config) {
    if (versioning(bucket).isEmpty()) {
      List<ObjectMeta> pending = new ArrayList<>();
      table.scanPrefix(S3Keys.objects(bucket), (k, v) -> {
        pending.add(decode(v, ObjectMeta.class));
        if (pending.size() == MIGRATION_BATCH) migrate(bucket, pending);
        return true;
      });
      migrate(bucket, pending);
    }
    table.put(VersionKeys.versioning(bucket), encode(config));
    settings.changed(bucket);
  }

  private void migrate(String bucket, List<ObjectMeta> pending) {
    RocksEngine.Batch batch = engine.batch();
    List<ObjectMeta> migrated = new ArrayList<>(pending.size());
    for (ObjectMeta o : pending) {
      ObjectMeta v = o.withVersion("null", o.lastModifiedMillis() * 1000);
      byte[] value = encode(v);
      batch.put(table, VersionKeys.version(bucket, v.key(), v.versionSeq()), value)
          .put(table, S3Keys.object(bucket, v.key()), value);
      migrated.add(v);
    }
    if (batch.count() > 0) engine.write(batch);
    for (ObjectMeta v : migrated) objects.written(bucket, v.key(), v);
    pending.clear();
  }

  @Override
  public List<ObjectMeta> versions(String bucket, String key, int limit) {
    byte[] from = VersionKeys.versionsOf(bucket, key);
    List<ObjectMeta> out = new ArrayList<>();
    for (Table.Entry e : table.range(from, Keys.prefixEnd(from), limit)) out.add(decode(e.value(), ObjectMeta.class));
    return out;
  }

  @Override
  public Optional<ObjectMeta> version(String bucket, String key, long seq) {
    return StoreJson.read(table.get(VersionKeys.version(bucket, key, seq)), ObjectMeta.class);
  }

  @Override
  public void scanVersions(String bucket, String prefix, VersionStart from, S3Store.ObjectVisitor visitor) {
    byte[] prefixKey = VersionKeys.keyPrefix(bucket, prefix);
    byte[] base = VersionKeys.versions(bucket);
    byte[] end = Keys.prefixEnd(prefixKey.length == base.length ? base : prefixKey);
    byte[] start = switch (from.kind()) {
      case FIRST -> prefixKey;
      case AFTER_KEY -> VersionKeys.afterKey(bucket, from.key());
      case AFTER_PREFIX -> Keys.prefixEnd(VersionKeys.keyPrefix(bucket, from.key()));
      case AFTER_VERSION -> from.seq() == 0 ? VersionKeys.afterKey(bucket, from.key())
          : VersionKeys.version(bucket, from.key(), from.seq() - 1);
    };
    if (java.util.Arrays.compare(start, prefixKey) < 0) start = prefixKey;
    table.scan(start, end, (k, v) -> visitor.visit(decode(v, ObjectMeta.class)));
  }

  @Override
  public boolean hasVersions(String bucket) {
    byte[] from = VersionKeys.versions(bucket);
    return !table.range(from, Keys.prefixEnd(from), 1).isEmpty();
  }

  @Override
  public void apply(String bucket, VersionChange c) {
    RocksEngine.Batch batch = engine.batch();
    for (ObjectMeta r : c.removed()) batch.delete(table, VersionKeys.version(bucket, c.key(), r.versionSeq()));
    if (c.added() != null) {
      batch.put(table, VersionKeys.version(bucket, c.key(), c.added().versionSeq()), encode(c.added()));
    }
    if (c.current() != null) batch.put(table, S3Keys.object(bucket, c.key()), encode(c.current()));
    else batch.delete(table, S3Keys.object(bucket, c.key()));
    if (c.completedUpload() != null) {
      batch.delete(table, S3Keys.upload(bucket, c.completedUpload()));
      table.scanPrefix(S3Keys.parts(c.completedUpload()), (k, v) -> {
        batch.delete(table, S3Keys.part(c.completedUpload(), decode(v, Part.class).partNumber()));
        return true;
      });
    }
    bodies.addTo(batch, c.bodies());
    engine.write(batch);
    bodies.written(c.bodies());
    objects.written(bucket, c.key(), c.current());
  }
}

package io.thingtank.s3.store;

import io.thingtank.core.storage.Keys;
import io.thingtank.core.storage.RocksEngine;
import io.thingtank.core.storage.Table;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link BucketConfigs} in the {@code s3} table: {@code [0x10][bucket 0x00][kind 0x00] -> JSON}.
 * The prefix 0x10 keeps clear of the object-store rows (0x01..0x0F, {@link S3Keys}). Reads come
 * from the {@link SettingsCache}; every write tells it.
 */
public final class RocksBucketConfigs implements BucketConfigs {
  static final byte CONFIG = 0x10;
  private final Table table;
  private final SettingsCache settings;

  public RocksBucketConfigs(RocksEngine engine, SettingsCache settings) {
    this.table = engine.table("s3");
    this.settings = settings;
  }

  static byte[] key(String bucket, Kind kind) {
    return Keys.of(CONFIG, bucket, kind.name().toLowerCase(Locale.ROOT));
  }

  @Override
  public <T> Optional<T> get(String bucket, Kind kind, Class<T> type) {
    return Optional.ofNullable(type.cast(settings.of(bucket).configs().get(kind)));
  }

  @Override
  public void put(String bucket, Kind kind, Object config) {
    table.put(key(bucket, kind), StoreJson.encode(kind.type().cast(config)));
    settings.changed(bucket);
  }

  @Override
  public void delete(String bucket, Kind kind) {
    table.delete(key(bucket, kind));
    settings.changed(bucket);
  }

  @Override
  public void deleteAll(String bucket) {
    byte[] prefix = Keys.of(CONFIG, bucket);
    table.deleteRange(prefix, Keys.prefixEnd(prefix));
    settings.changed(bucket);
  }
}

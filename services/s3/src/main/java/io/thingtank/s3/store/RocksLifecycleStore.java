package io.thingtank.s3.store;

import io.thingtank.core.storage.RocksEngine;
import io.thingtank.core.storage.Table;
import io.thingtank.s3.model.LifecycleConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link LifecycleStore} over the {@code s3} table; layout in {@link VersionKeys}; a bucket's
 * configuration is read from the {@link SettingsCache}.
 */
public final class RocksLifecycleStore implements LifecycleStore {
  private final Table table;
  private final SettingsCache settings;

  public RocksLifecycleStore(RocksEngine engine, SettingsCache settings) {
    this.table = engine.table("s3");
    this.settings = settings;
  }

  @Override
  public Optional<LifecycleConfiguration> lifecycle(String bucket) {
    return Optional.ofNullable(settings.of(bucket).lifecycle());
  }

  @Override
  public void putLifecycle(String bucket, LifecycleConfiguration c) {
    table.put(VersionKeys.lifecycle(bucket), StoreJson.encode(c));
    settings.changed(bucket);
  }

  @Override
  public void deleteLifecycle(String bucket) {
    table.delete(VersionKeys.lifecycle(bucket));
    settings.changed(bucket);
  }

  @Override
  public List<String> bucketsWithLifecycle() {
    List<String> names = new ArrayList<>();
    table.scanPrefix(new byte[] {VersionKeys.LIFECYCLE}, (k, v) -> {
      names.add(new String(k, 1, k.length - 2, StandardCharsets.UTF_8));
      return true;
    });
    return names;
  }
}

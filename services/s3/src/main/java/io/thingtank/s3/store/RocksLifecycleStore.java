package io.thingtank.s3.store;

import io.thingtank.core.storage.RocksEngine;
import io.thingtank.core.storage.Table;
import io.thingtank.s3.model.LifecycleConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link LifecycleStore} over the {@code s3} table; layout in {@link VersionKeys}. */
public final class RocksLifecycleStore implements LifecycleStore {
  private final Table table;

  public RocksLifecycleStore(RocksEngine engine) { this.table = engine.table("s3"); }

  @Override
  public Optional<LifecycleConfiguration> lifecycle(String bucket) {
    return StoreJson.read(table.get(VersionKeys.lifecycle(bucket)), LifecycleConfiguration.class);
  }

  @Override
  public void putLifecycle(String bucket, LifecycleConfiguration c) {
    table.put(VersionKeys.lifecycle(bucket), StoreJson.encode(c));
  }

  @Override
  public void deleteLifecycle(String bucket) { table.delete(VersionKeys.lifecycle(bucket)); }

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

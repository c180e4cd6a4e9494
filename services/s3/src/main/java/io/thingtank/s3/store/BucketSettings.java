package io.thingtank.s3.store;

import io.thingtank.core.storage.Table;
import io.thingtank.s3.model.Bucket;
import io.thingtank.s3.model.LifecycleConfiguration;
import io.thingtank.s3.model.VersioningConfig;
import io.thingtank.s3.store.BucketConfigs.Kind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What is stored about one bucket besides its objects and uploads, decoded: the bucket row (null
 * when the bucket does not exist), its configurations by kind (absent when not set), its versioning
 * and its lifecycle configuration (null when never set). Immutable (callers do not change the
 * decoded records); built by {@link SettingsCache} and shared by every thread.
 */
record BucketSettings(Bucket bucket, Map<Kind, Object> configs, VersioningConfig versioning,
    LifecycleConfiguration lifecycle) {

  /** Reads the bucket's rows: {@code 0x01}, the four {@code 0x10} kinds, {@code 0x06} and {@code 0x07}. */
  static BucketSettings load(Table table, String name) {
    Map<Kind, Object> configs = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      byte[] v = table.get(RocksBucketConfigs.key(name, kind));
      if (v != null) configs.put(kind, StoreJson.decode(v, kind.type()));
    }
    byte[] bucket = table.get(S3Keys.bucket(name));
    return new BucketSettings(bucket == null ? null : StoreJson.decode(bucket, Bucket.class),
        Collections.unmodifiableMap(configs),
        StoreJson.read(table.get(VersionKeys.versioning(name)), VersioningConfig.class).orElse(null),
        StoreJson.read(table.get(VersionKeys.lifecycle(name)), LifecycleConfiguration.class).orElse(null));
  }
}

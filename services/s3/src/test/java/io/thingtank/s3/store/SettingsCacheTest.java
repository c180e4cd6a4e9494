package io.thingtank.s3.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.core.storage.RocksEngine;
import io.thingtank.s3.model.Bucket;
import io.thingtank.s3.model.PublicAccessBlock;
import io.thingtank.s3.model.VersioningConfig;
import io.thingtank.s3.store.BucketConfigs.Kind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings are served from memory once loaded (a row written behind the stores' back is not seen),
 * and every store write of a settings row is seen by the next read.
 */
class SettingsCacheTest {
  @TempDir Path dir;

  private static Bucket bucket(String name) { return new Bucket(name, 1, "us-east-1", null, null, null, null); }

  @Test
  void servesLoadedSettingsFromMemoryAndReloadsAfterEveryStoreWrite() {
    try (RocksEngine engine = RocksEngine.open(dir, false)) {
      SettingsCache settings = new SettingsCache(engine);
      RocksS3Store store = new RocksS3Store(engine, settings, new ObjectCache());
      RocksBucketConfigs configs = new RocksBucketConfigs(engine, settings);
      RocksVersionStore versions = new RocksVersionStore(engine, settings, new InlineBodies(engine), new ObjectCache());

      assertThat(store.bucket("b")).isEmpty();
      assertThat(store.createBucket(bucket("b"))).isTrue();
      assertThat(store.bucket("b")).contains(bucket("b"));

      // Written behind the stores' back: the loaded settings stand until a store write drops them.
      engine.table("s3").put(S3Keys.bucket("b"), StoreJson.encode(bucket("b").withPolicy("{}")));
      assertThat(store.bucket("b").orElseThrow().policy()).isNull();

      store.putBucket(bucket("b").withAcl("public-read"));
      assertThat(store.bucket("b").orElseThrow().acl()).isEqualTo("public-read");

      PublicAccessBlock pab = new PublicAccessBlock(true, false, false, true);
      configs.put("b", Kind.PUBLIC_ACCESS_BLOCK, pab);
      assertThat(configs.get("b", Kind.PUBLIC_ACCESS_BLOCK, PublicAccessBlock.class)).contains(pab);
      configs.delete("b", Kind.PUBLIC_ACCESS_BLOCK);
      assertThat(configs.get("b", Kind.PUBLIC_ACCESS_BLOCK, PublicAccessBlock.class)).isEmpty();

      versions.putVersioning("b", new VersioningConfig("Enabled", null));
      assertThat(versions.versioning("b")).contains(new VersioningConfig("Enabled", null));

      configs.put("b", Kind.PUBLIC_ACCESS_BLOCK, pab);
      assertThat(store.deleteBucketIfEmpty("b")).isPresent();
      assertThat(store.bucket("b")).isEmpty();
      assertThat(versions.versioning("b")).isEmpty();
      configs.deleteAll("b");
      assertThat(configs.get("b", Kind.PUBLIC_ACCESS_BLOCK, PublicAccessBlock.class)).isEmpty();
    }
  }
}

package io.thingtank.s3.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.core.storage.RocksEngine;
import io.thingtank.s3.checksum.ChecksumAlgorithm;
import io.thingtank.s3.model.Acl;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.model.VersioningConfig;
import io.thingtank.s3.store.VersionStore.VersionChange;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An object's current version is served from memory once written or read, every store write of
 * its row is seen by the next read, and a load that overlapped a write is not kept.
 */
class ObjectCacheTest {
  @TempDir Path dir;

  /** An object as PutObject stores it, with every optional part filled. */
  private static ObjectMeta meta(String key, String etag, String owner) {
    Map<String, String> content = new LinkedHashMap<>();
    content.put("content-type", "text/plain");
    content.put("cache-control", "no-cache");
    Map<String, String> user = new TreeMap<>(Map.of("b", "2", "a", "1"));
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("z", "last");
    tags.put("k", "v");
    return new ObjectMeta(key, "i0123456789abcdef0123456789abcdef", 4096, etag, 1_700_000_000_123L, content, user,
        "STANDARD", ChecksumAlgorithm.CRC64NVME, "AAAAAAAAAAA=", "FULL_OBJECT", List.of(), tags)
        .withAcl(Acl.privateTo(new Acl.Owner(owner, owner + "-name")));
  }

  @Test
  void aWrittenRecordIsWhatItsRowDecodesTo() {
    // The cache hands out the record written in place of decoding its row: the two must be equal.
    ObjectMeta m = meta("k", "etag1", "a");
    assertThat(StoreJson.decode(StoreJson.encode(m), ObjectMeta.class)).isEqualTo(m);
    ObjectMeta versioned = m.withVersion("00000000000000a1", 0xa1);
    assertThat(StoreJson.decode(StoreJson.encode(versioned), ObjectMeta.class)).isEqualTo(versioned);
  }

  @Test
  void servesWrittenObjectsFromMemoryAndEveryStoreWriteIsSeen() {
    try (RocksEngine engine = RocksEngine.open(dir, false)) {
      SettingsCache settings = new SettingsCache(engine);
      ObjectCache objects = new ObjectCache();
      RocksS3Store store = new RocksS3Store(engine, settings, objects);
      RocksVersionStore versions = new RocksVersionStore(engine, settings, new InlineBodies(engine), objects);

      ObjectMeta first = meta("k", "etag1", "a");
      versions.apply("b", new VersionChange("k", List.of(), null, first, null));
      assertThat(store.object("b", "k")).containsSame(first);

      // Written behind the stores' back: what was written through them stands.
      engine.table("s3").put(S3Keys.object("b", "k"), StoreJson.encode(meta("k", "behind", "a")));
      assertThat(store.object("b", "k")).containsSame(first);

      // WHEN the ACL changes, the object is overwritten, then deleted THEN each read sees it
      ObjectMeta regranted = first.withAcl(Acl.privateTo(new Acl.Owner("c", "c-name")));
      versions.apply("b", new VersionChange("k", List.of(), null, regranted, null));
      assertThat(store.object("b", "k")).contains(regranted);
      ObjectMeta second = meta("k", "etag2", "a");
      versions.apply("b", new VersionChange("k", List.of(), null, second, null));
      assertThat(store.object("b", "k")).contains(second);
      versions.apply("b", new VersionChange("k", List.of(), null, null, null));
      assertThat(store.object("b", "k")).isEmpty();

      // WHEN versioning is first enabled THEN the current object is its null version
      versions.apply("b", new VersionChange("k", List.of(), null, first, null));
      versions.putVersioning("b", new VersioningConfig("Enabled", null));
      assertThat(store.object("b", "k").orElseThrow().versionId()).isEqualTo("null");
    }
  }

  @Test
  void aLoadThatOverlappedAWriteIsNotKept() {
    ObjectCache cache = new ObjectCache();
    ObjectMeta old = meta("k", "old", "a");
    ObjectMeta fresh = meta("k", "new", "a");
    // GIVEN a reader that read the old row while a write of the new one completed
    Optional<ObjectMeta> read = cache.get("b", "k", () -> {
      cache.written("b", "k", fresh);
      return Optional.of(old);
    });
    assertThat(read).contains(old);
    // THEN the next read gets the written row, not the reader's load
    assertThat(cache.get("b", "k", () -> Optional.of(old))).containsSame(fresh);
    // and a load that overlapped a delete is not kept either
    cache.get("b", "gone", () -> {
      cache.written("b", "gone", null);
      return Optional.of(old);
    });
    assertThat(cache.get("b", "gone", Optional::empty)).isEmpty();
  }

  @Test
  void keepsAtLeastTheNewestGenerationOfKeys() {
    ObjectCache cache = new ObjectCache();
    ObjectMeta[] metas = new ObjectMeta[ObjectCache.GENERATION * 3];
    for (int i = 0; i < metas.length; i++) {
      metas[i] = meta("k" + i, "e" + i, "a");
      cache.written("b", "k" + i, metas[i]);
    }
    for (int i = metas.length - ObjectCache.GENERATION; i < metas.length; i++) {
      assertThat(cache.get("b", "k" + i, Optional::empty)).containsSame(metas[i]);
    }
    assertThat(cache.get("b", "k0", Optional::empty)).isEmpty();
  }
}

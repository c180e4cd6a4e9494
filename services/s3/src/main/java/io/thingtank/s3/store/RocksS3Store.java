package io.thingtank.s3.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingtank.core.storage.Keys;
import io.thingtank.core.storage.RocksEngine;
import io.thingtank.core.storage.Table;
import io.thingtank.s3.model.Bucket;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.model.Part;
import io.thingtank.s3.model.Upload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link S3Store} over the {@code s3} table of the RocksDB engine; layout in {@link S3Keys}; a
 * bucket's row is read from the {@link SettingsCache}, an object's current version through the {@link ObjectCache}.
 */
public final class RocksS3Store implements S3Store {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final RocksEngine engine;
  private final Table table;
  private final SettingsCache settings;
  private final ObjectCache objects;

  public RocksS3Store(RocksEngine engine, SettingsCache settings, ObjectCache objects) {
    this.engine = engine;
    this.table = engine.table("s3");
    this.settings = settings;
    this.objects = objects;
  }

  @Override
  public boolean createBucket(Bucket b) {
    if (table.get(S3Keys.bucket(b.name())) != null) return false;
    table.put(S3Keys.bucket(b.name()), encode(b));
    settings.changed(b.name());
    return true;
  }

  @Override
  public Optional<Bucket> bucket(String name) {
    return Optional.ofNullable(settings.of(name).bucket());
  }

  @Override
  public void putBucket(Bucket b) {
    table.put(S3Keys.bucket(b.name()), encode(b));
    settings.changed(b.name());
  }

  @Override
  public Optional<List<Part>> deleteBucketIfEmpty(String name) {
    if (!table.range(S3Keys.objects(name), Keys.prefixEnd(S3Keys.objects(name)), 1).isEmpty()) return Optional.empty();
    if (!table.range(VersionKeys.versions(name), Keys.prefixEnd(VersionKeys.versions(name)), 1).isEmpty()) {
      return Optional.empty();
    }
    RocksEngine.Batch batch = engine.batch().delete(table, S3Keys.bucket(name))
        .delete(table, VersionKeys.versioning(name)).delete(table, VersionKeys.lifecycle(name));
    List<Part> parts = new ArrayList<>();
    for (Upload u : uploads(name)) {
      batch.delete(table, S3Keys.upload(name, u.uploadId()));
      for (Part p : parts(u.uploadId())) {
        batch.delete(table, S3Keys.part(u.uploadId(), p.partNumber()));
        parts.add(p);
      }
    }
    engine.write(batch);
    settings.changed(name);
    return Optional.of(parts);
  }

  @Override
  public List<Bucket> buckets(String after, int limit) {
    byte[] from = after == null ? S3Keys.bucketsStart() : Keys.prefixEnd(S3Keys.bucket(after));
    List<Bucket> out = new ArrayList<>();
    for (Table.Entry e : table.range(from, Keys.prefixEnd(S3Keys.bucketsStart()), limit)) {
      out.add(decode(e.value(), Bucket.class));
    }
    return out;
  }

  @Override
  public Optional<ObjectMeta> object(String bucket, String key) {
    return objects.get(bucket, key, () -> read(table.get(S3Keys.object(bucket, key)), ObjectMeta.class));
  }

  @Override
  public void scanObjects(String bucket, String prefix, String from, ObjectVisitor visitor) {
    byte[] base = S3Keys.objects(bucket);
    byte[] start = S3Keys.object(bucket, from.compareTo(prefix) > 0 ? from : prefix);
    byte[] prefixKey = S3Keys.object(bucket, prefix);
    table.scan(start, Keys.prefixEnd(prefixKey.length == base.length ? base : prefixKey),
        (k, v) -> visitor.visit(decode(v, ObjectMeta.class)));
  }

  @Override
  public void putUpload(String bucket, Upload u) { table.put(S3Keys.upload(bucket, u.uploadId()), encode(u)); }

  @Override
  public Optional<Upload> upload(String bucket, String uploadId) {
    return read(table.get(S3Keys.upload(bucket, uploadId)), Upload.class);
  }

  @Override
  public List<Upload> uploads(String bucket) {
    List<Upload> out = new ArrayList<>();
    table.scanPrefix(S3Keys.uploads(bucket), (k, v) -> out.add(decode(v, Upload.class)));
    return out;
  }

  @Override
  public List<Part> deleteUpload(String bucket, String uploadId) {
    List<Part> parts = parts(uploadId);
    RocksEngine.Batch batch = engine.batch().delete(table, S3Keys.upload(bucket, uploadId));
    for (Part p : parts) batch.delete(table, S3Keys.part(uploadId, p.partNumber()));
    engine.write(batch);
    return parts;
  }

  @Override
  public Optional<Part> putPart(String uploadId, Part p) {
    byte[] k = S3Keys.part(uploadId, p.partNumber());
    Optional<Part> previous = read(table.get(k), Part.class);
    table.put(k, encode(p));
    return previous;
  }

  @Override
  public List<Part> parts(String uploadId) {
    List<Part> out = new ArrayList<>();
    table.scanPrefix(S3Keys.parts(uploadId), (k, v) -> out.add(decode(v, Part.class)));
    return out;
  }

  @Override
  public Set<String> referencedBlobs() {
    Set<String> ids = new HashSet<>();
    table.scanPrefix(new byte[] {S3Keys.OBJECT}, (k, v) -> ids.add(decode(v, ObjectMeta.class).blobId()));
    table.scanPrefix(new byte[] {S3Keys.PART}, (k, v) -> ids.add(decode(v, Part.class).blobId()));
    table.scanPrefix(new byte[] {VersionKeys.VERSION}, (k, v) -> ids.add(decode(v, ObjectMeta.class).blobId()));
    return ids;
  }

  private static byte[] encode(Object o) {
    try {
      return JSON.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T decode(byte[] v, Class<T> type) {
    try {
      return JSON.readValue(v, type);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt " + type.getSimpleName() + ": "
          + new String(v, StandardCharsets.UTF_8), e);
    }
  }

  private static <T> Optional<T> read(byte[] v, Class<T> type) {
    return v == null ? Optional.empty() : Optional.of(decode(v, type));
  }
}

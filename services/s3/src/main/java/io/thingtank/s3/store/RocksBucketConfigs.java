package io.thingtank.s3.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingtank.core.storage.Keys;
import io.thingtank.core.storage.RocksEngine;
import io.thingtank.core.storage.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link BucketConfigs} in the {@code s3} table: {@code [0x10][bucket 0x00][kind 0x00] -> JSON}.
 * The prefix 0x10 keeps clear of the object-store rows (0x01..0x0F, {@link S3Keys}).
 */
public final class RocksBucketConfigs implements BucketConfigs {
  static final byte CONFIG = 0x10;
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final Table table;
  private final DecodedValues decoded = new DecodedValues();

  public RocksBucketConfigs(RocksEngine engine) { this.table = engine.table("s3"); }

  private static byte[] key(String bucket, Kind kind) {
    return Keys.of(CONFIG, bucket, kind.name().toLowerCase(Locale.ROOT));
  }

  @Override
  public <T> Optional<T> get(String bucket, Kind kind, Class<T> type) {
    byte[] v = table.get(key(bucket, kind));
    if (v == null) return Optional.empty();
    return Optional.of(decoded.get(v, type, raw -> {
      try {
        return JSON.readValue(raw, type);
      } catch (IOException e) {
        throw new UncheckedIOException("corrupt " + kind + " of bucket " + bucket, e);
      }
    }));
  }

  @Override
  public void put(String bucket, Kind kind, Object config) {
    try {
      table.put(key(bucket, kind), JSON.writeValueAsBytes(config));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void delete(String bucket, Kind kind) { table.delete(key(bucket, kind)); }

  @Override
  public void deleteAll(String bucket) {
    byte[] prefix = Keys.of(CONFIG, bucket);
    table.deleteRange(prefix, Keys.prefixEnd(prefix));
  }
}

package io.thingtank.s3.store;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers the record decoded from a stored JSON value, keyed by the value's exact bytes, so
 * bucket rows and bucket configurations read on every request are parsed once and not per
 * request. A changed row has different bytes and is decoded again; no invalidation is needed.
 * Callers treat the returned records as immutable. Bounded: emptied when it reaches
 * {@link #MAX_ENTRIES}. Thread-safe.
 */
final class DecodedValues {
  static final int MAX_ENTRIES = 4096;
  private final Map<Bytes, Object> decoded = new ConcurrentHashMap<>();

  /** The value {@code raw} decodes to as {@code type}, decoding it with {@code decoder} when new. */
  <T> T get(byte[] raw, Class<T> type, Function<byte[], T> decoder) {
    Bytes key = new Bytes(type, raw);
    Object known = decoded.get(key);
    if (known != null) return type.cast(known);
    T value = decoder.apply(raw);
    if (decoded.size() >= MAX_ENTRIES) decoded.clear();
    decoded.put(key, value);
    return value;
  }

  /** A stored value's bytes with the type they were decoded as; equal by content. */
  private record Bytes(Class<?> type, byte[] raw, int hash) {
    Bytes(Class<?> type, byte[] raw) {
      this(type, raw, 31 * type.hashCode() + Arrays.hashCode(raw));
    }

    @Override public boolean equals(Object o) {
      return o instanceof Bytes b && b.hash == hash && b.type == type && Arrays.equals(b.raw, raw);
    }

    @Override public int hashCode() { return hash; }
  }
}

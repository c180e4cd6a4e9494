package io.thingtank.core.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Helpers for building ordered byte keys: big-endian numbers and 0x00-terminated strings. */
public final class Keys {
  private Keys() {}

  /** The smallest key greater than every key starting with {@code prefix}, or null if none. */
  public static byte[] prefixEnd(byte[] prefix) {
    byte[] end = prefix.clone();
    for (int i = end.length - 1; i >= 0; i--) {
      if (end[i] != (byte) 0xFF) {
        end[i]++;
        return java.util.Arrays.copyOf(end, i + 1);
      }
    }
    return null;
  }

  /** Concatenates parts; strings are UTF-8 followed by a 0x00 separator so prefixes stay distinct. */
  public static byte[] of(Object... parts) {
    int size = 0;
    byte[][] encoded = new byte[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      encoded[i] = encode(parts[i]);
      size += encoded[i].length;
    }
    ByteBuffer b = ByteBuffer.allocate(size);
    for (byte[] e : encoded) b.put(e);
    return b.array();
  }

  private static byte[] encode(Object part) {
    return switch (part) {
      case String s -> {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(u, u.length + 1);
        yield out;
      }
      case Long l -> ByteBuffer.allocate(8).putLong(l ^ Long.MIN_VALUE).array();
      case Integer i -> ByteBuffer.allocate(4).putInt(i ^ Integer.MIN_VALUE).array();
      case Byte b -> new byte[] {b};
      case byte[] raw -> raw;
      default -> throw new IllegalArgumentException("unsupported key part " + part.getClass());
    };
  }

  /** Reads a signed long written by {@link #of} at {@code offset}. */
  public static long readLong(byte[] key, int offset) {
    return ByteBuffer.wrap(key, offset, 8).getLong() ^ Long.MIN_VALUE;
  }
}

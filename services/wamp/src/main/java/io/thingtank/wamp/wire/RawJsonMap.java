package io.thingtank.wamp.wire;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/** JSON ArgumentsKw kept as bytes, decoded on first read ({@link RawJson}). */
public final class RawJsonMap extends AbstractMap<String, Object> implements RawJson {
  private final byte[] bytes;
  private final int offset;
  private final int length;
  private final boolean empty;
  private volatile Map<String, Object> decoded;

  RawJsonMap(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
    this.empty = RawJson.emptyContainer(bytes, offset, length);
  }

  private Map<String, Object> decoded() {
    Map<String, Object> d = decoded;
    if (d == null) decoded = d = Serializer.JSON.decodeValue(bytes, offset, length, Map.class);
    return d;
  }

  @Override public Set<Entry<String, Object>> entrySet() { return decoded().entrySet(); }

  @Override public Object get(Object key) { return decoded().get(key); }

  @Override public boolean containsKey(Object key) { return decoded().containsKey(key); }

  @Override public int size() { return empty ? 0 : decoded().size(); }

  @Override public boolean isEmpty() { return empty; }

  @Override public void writeTo(JsonOut out) { out.write(bytes, offset, length); }
}

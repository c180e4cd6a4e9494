package io.thingtank.wamp.wire;

import java.util.AbstractList;
import java.util.List;

/** JSON Arguments kept as bytes, decoded on first read ({@link RawJson}). */
public final class RawJsonList extends AbstractList<Object> implements RawJson {
  private final byte[] bytes;
  private final int offset;
  private final int length;
  private final boolean empty;
  private volatile List<Object> decoded;

  RawJsonList(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
    this.empty = RawJson.emptyContainer(bytes, offset, length);
  }

  private List<Object> decoded() {
    List<Object> d = decoded;
    if (d == null) decoded = d = Serializer.JSON.decodeValue(bytes, offset, length, List.class);
    return d;
  }

  @Override public Object get(int index) { return decoded().get(index); }

  @Override public int size() { return empty ? 0 : decoded().size(); }

  @Override public boolean isEmpty() { return empty; }

  @Override public void writeTo(JsonOut out) { out.write(bytes, offset, length); }
}

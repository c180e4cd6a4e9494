package io.thingtank.wamp.store;

import io.thingtank.wamp.wire.Serializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A published event kept for retention or history. {@code details} are the EVENT details
 * the publisher caused (publisher disclosure, ppt_* keys). Stored as one MessagePack array.
 */
public record StoredEvent(long publication, long timestamp, String topic, Map<String, Object> details,
    List<Object> args, Map<String, Object> kwargs) {

  public byte[] encode() {
    List<Object> l = new ArrayList<>(List.of(publication, timestamp, topic, details, args, kwargs));
    return Serializer.MSGPACK.encode(l);
  }

  @SuppressWarnings("unchecked")
  public static StoredEvent decode(byte[] b) {
    List<Object> l = Serializer.MSGPACK.decode(b);
    return new StoredEvent(((Number) l.get(0)).longValue(), ((Number) l.get(1)).longValue(), (String) l.get(2),
        (Map<String, Object>) l.get(3), (List<Object>) l.get(4), (Map<String, Object>) l.get(5));
  }
}

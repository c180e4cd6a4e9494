package io.thingtank.wamp.transport;

import java.util.Map;

/** Where a {@link WampConnection} writes: a WebSocket or a RawSocket. Writes are thread-safe. */
public interface Transport {
  void write(io.thingtank.wamp.wire.Encoded message);

  void close();

  /** Largest message the other end accepts (RawSocket negotiates it; WebSocket: the router's limit). */
  int maxOutbound();

  Map<String, Object> details();
}

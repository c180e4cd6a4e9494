package io.thingtank.mqtt.skynet;

import io.thingtank.devices.DeviceHub;
import io.thingtank.devices.hub.HubException;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;

/**
 * The hub subscriptions one MQTT connection holds, by MQTT filter, with the QoS granted to each.
 * A subscription that completes after the connection closed is closed at once. Confined to the
 * connection's event loop.
 */
final class HubListenings {
  private static final int NOT_AUTHORIZED = 0x87, UNSPECIFIED = 0x80;

  private final Map<String, Listening> byFilter = new HashMap<>();
  private boolean closed;

  /** Completes with the granted QoS, or SUBACK 0x87 (the hub refused) / 0x80. */
  Future<Integer> open(String filter, int qos, Future<DeviceHub.Subscribed> opened) {
    return opened.map(s -> {
      if (closed) {
        s.close();
      } else {
        Listening old = byFilter.put(filter, new Listening(s, qos));
        if (old != null) old.subscribed().close();
      }
      return qos;
    }).otherwise(e -> e instanceof HubException ? NOT_AUTHORIZED : UNSPECIFIED);
  }

  boolean has(String filter) { return byFilter.containsKey(filter); }

  /** The QoS granted to {@code filter}, or -1 if it is not subscribed. */
  int qos(String filter) {
    Listening l = byFilter.get(filter);
    return l == null ? -1 : l.qos();
  }

  boolean close(String filter) {
    Listening l = byFilter.remove(filter);
    if (l != null) l.subscribed().close();
    return l != null;
  }

  void closeAll() {
    closed = true;
    byFilter.values().forEach(l -> l.subscribed().close());
    byFilter.clear();
  }

  private record Listening(DeviceHub.Subscribed subscribed, int qos) {}
}

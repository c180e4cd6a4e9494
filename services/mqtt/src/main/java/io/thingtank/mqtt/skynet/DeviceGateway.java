package io.thingtank.mqtt.skynet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.DeviceHub;
import io.thingtank.devices.hub.Channel;
import io.thingtank.devices.hub.Delivery;
import io.thingtank.devices.hub.HubException;
import io.thingtank.mqtt.auth.ClientGateway;
import io.vertx.core.Future;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One SkyNet device's MQTT connection (meshblu 2014 {@code lib/mqttServer.js}
 * {@code authorizeSubscribe} and the {@code published} handler). Publications are requests to
 * the hub ({@link SkynetRequests}). The device may subscribe to its own uuid (messages it
 * receives and changes to its properties) and to {@code <uuid>_bc} (that device's broadcasts)
 * if the hub lets it receive them; every other filter is refused with 0x87. Deliveries reach
 * this connection only, never the broker's topic tree. Runs on the connection's event loop.
 */
final class DeviceGateway implements ClientGateway {
  private static final int NOT_AUTHORIZED = 0x87, UNSPECIFIED = 0x80;
  private static final String BROADCAST_SUFFIX = "_bc";

  private final DeviceHub hub;
  private final ObjectNode device;
  private final String uuid;
  private final Outbox outbox;
  private final SkynetRequests requests;
  /** By filter: the hub subscription and the QoS granted to it. */
  private final Map<String, Listening> subscriptions = new HashMap<>();
  private boolean closed;

  DeviceGateway(DeviceHub hub, ObjectNode device, Outbox outbox) {
    this.hub = hub;
    this.device = device;
    this.uuid = device.path("uuid").asText();
    this.outbox = outbox;
    this.requests = new SkynetRequests(hub, device, this::toDevice);
  }

  @Override
  public Future<Integer> publish(String topic, byte[] payload) {
    return requests.handle(topic, payload);
  }

  @Override
  public Future<Integer> subscribe(String filter, int qos) {
    Future<DeviceHub.Subscribed> opened;
    if (filter.equals(uuid)) {
      opened = hub.subscribe(device, uuid, EnumSet.of(Channel.RECEIVED, Channel.CONFIG), d -> deliver(filter, qos, d));
    } else if (filter.endsWith(BROADCAST_SUFFIX) && filter.length() > BROADCAST_SUFFIX.length()) {
      String emitter = filter.substring(0, filter.length() - BROADCAST_SUFFIX.length());
      opened = hub.subscribe(device, emitter, Set.of(Channel.BROADCAST), d -> deliver(filter, qos, d));
    } else {
      return Future.succeededFuture(NOT_AUTHORIZED); // another device's uuid, a wildcard, any other topic
    }
    return opened.map(s -> {
      if (closed) {
        s.close();
      } else {
        Listening old = subscriptions.put(filter, new Listening(s, qos));
        if (old != null) old.subscribed().close();
      }
      return qos;
    }).otherwise(e -> e instanceof HubException ? NOT_AUTHORIZED : UNSPECIFIED);
  }

  @Override
  public boolean unsubscribe(String filter) {
    Listening l = subscriptions.remove(filter);
    if (l != null) l.subscribed().close();
    return l != null;
  }

  @Override
  public void close() {
    closed = true;
    subscriptions.values().forEach(l -> l.subscribed().close());
    subscriptions.clear();
  }

  private void deliver(String filter, int qos, Delivery d) {
    if (subscriptions.containsKey(filter)) outbox.send(filter, SkynetPayloads.wrap(d.event(), d.body()), qos);
  }

  /** An answer to the device's own request: to its uuid topic, if it subscribed to it (as SkyNet did). */
  private void toDevice(String topic, ObjectNode data) {
    Listening own = subscriptions.get(uuid);
    if (own != null) outbox.send(uuid, SkynetPayloads.wrap(topic, data), own.qos());
  }

  private record Listening(DeviceHub.Subscribed subscribed, int qos) {}
}

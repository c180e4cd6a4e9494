package io.thingtank.mqtt.skynet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.DeviceHub;
import io.thingtank.devices.hub.Channel;
import io.thingtank.devices.hub.Delivery;
import io.thingtank.mqtt.auth.ClientGateway;
import io.vertx.core.Future;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One SkyNet device's MQTT connection (meshblu 2014 {@code lib/mqttServer.js}
 * {@code authorizeSubscribe} and the {@code published} handler). Publications are requests to
 * the hub ({@link SkynetRequests}). The device may subscribe to its own uuid (messages it
 * receives, text messages, acks, changes to its properties), to {@code <uuid>_bc} (that
 * device's broadcasts) and {@code <uuid>_tb} (its text broadcasts) if the hub lets it receive
 * them; every other filter is refused with 0x87. Deliveries reach this connection only, never
 * the broker's topic tree. Runs on the connection's event loop.
 */
final class DeviceGateway implements ClientGateway {
  private static final int NOT_AUTHORIZED = 0x87;
  static final String BROADCAST_SUFFIX = "_bc", TEXT_SUFFIX = "_tb";

  private final DeviceHub hub;
  private final ObjectNode device;
  private final String uuid;
  private final Outbox outbox;
  private final SkynetRequests requests;
  private final HubListenings listenings = new HubListenings();
  private final Runnable leaveTaps;

  DeviceGateway(DeviceHub hub, ObjectNode device, Outbox outbox, SkynetTaps taps) {
    this.hub = hub;
    this.device = device;
    this.uuid = device.path("uuid").asText();
    this.outbox = outbox;
    this.requests = new SkynetRequests(hub, device, this::toDevice, taps);
    // the super-user's raw publications to this uuid (mosca delivered them to the uuid topic)
    this.leaveTaps = taps.addDevice(uuid, payload -> {
      int qos = listenings.qos(uuid);
      if (qos >= 0) outbox.send(uuid, payload, qos);
    });
  }

  @Override
  public Future<Integer> publish(String topic, byte[] payload) {
    return requests.handle(topic, payload);
  }

  @Override
  public Future<Integer> subscribe(String filter, int qos) {
    if (filter.equals(uuid)) {
      return listenings.open(filter, qos, hub.subscribe(device, uuid, EnumSet.of(Channel.RECEIVED, Channel.CONFIG),
          d -> deliver(filter, d)));
    }
    String emitter = emitter(filter);
    if (emitter == null) return Future.succeededFuture(NOT_AUTHORIZED); // another uuid, a wildcard, any other topic
    return listenings.open(filter, qos, hub.subscribe(device, emitter, Set.of(Channel.BROADCAST),
        d -> { if (broadcastKind(filter).test(d)) deliver(filter, d); }));
  }

  /** The emitter of a {@code <uuid>_bc} or {@code <uuid>_tb} filter, or null. */
  static String emitter(String filter) {
    boolean suffixed = filter.endsWith(BROADCAST_SUFFIX) || filter.endsWith(TEXT_SUFFIX);
    return suffixed && filter.length() > 3 ? filter.substring(0, filter.length() - 3) : null;
  }

  /** {@code _tb} carries text broadcasts ({@code tb}), {@code _bc} everything else (sendMessage.js broadcastMessage). */
  static Predicate<Delivery> broadcastKind(String filter) {
    boolean text = filter.endsWith(TEXT_SUFFIX);
    return d -> SkynetPayloads.isText(d) == text;
  }

  @Override
  public boolean unsubscribe(String filter) { return listenings.close(filter); }

  @Override
  public void close() {
    leaveTaps.run();
    listenings.closeAll();
  }

  private void deliver(String filter, Delivery d) {
    int qos = listenings.qos(filter);
    if (qos >= 0) outbox.send(filter, SkynetPayloads.delivery(d), qos);
  }

  /** An answer to the device's own request: to its uuid topic, if it subscribed to it (as SkyNet did). */
  private void toDevice(String topic, ObjectNode data) {
    int qos = listenings.qos(uuid);
    if (qos >= 0) outbox.send(uuid, SkynetPayloads.wrap(topic, data), qos);
  }
}

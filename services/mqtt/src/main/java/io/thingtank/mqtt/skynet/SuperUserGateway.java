package io.thingtank.mqtt.skynet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.DeviceHub;
import io.thingtank.devices.hub.Channel;
import io.thingtank.mqtt.auth.ClientGateway;
import io.thingtank.mqtt.broker.Topics;
import io.vertx.core.Future;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code skynet} super-user's connection (meshblu 2014 {@code lib/mqttServer.js}: user
 * {@code skynet} with {@code config.mqtt.skynetPass} may publish and subscribe to any topic).
 * <ul>
 *   <li>subscribe {@code <uuid>}: what that device receives (messages, acks, text, config), as
 *       it receives it; {@code <uuid>_bc} / {@code <uuid>_tb}: its broadcasts / text broadcasts;</li>
 *   <li>subscribe any other filter: device publications on the SkyNet topics it matches
 *       ({@code message}, {@code config}, {@code gatewayConfig}, {@code #}, ...) with {@code fromUuid};</li>
 *   <li>publish to {@code <uuid>}: the payload as it is to that device's own-uuid subscription;
 *       to other topics: to other super-user subscriptions that match.</li>
 * </ul>
 * Runs on the connection's event loop.
 */
final class SuperUserGateway implements ClientGateway {
  private static final int SUCCESS = 0x00, NO_MATCHING_SUBSCRIBERS = 0x10, FILTER_INVALID = 0x8F;

  private final DeviceHub hub;
  private final SkynetTaps taps;
  private final Outbox outbox;
  private final HubListenings listenings = new HubListenings();
  private final Map<String, SkynetTaps.Tap> tapsByFilter = new HashMap<>();

  SuperUserGateway(DeviceHub hub, SkynetTaps taps, Outbox outbox) {
    this.hub = hub;
    this.taps = taps;
    this.outbox = outbox;
  }

  @Override
  public Future<Integer> publish(String topic, byte[] payload) {
    if (taps.toDevice(topic, payload)) return Future.succeededFuture(SUCCESS);
    taps.published(topic, payload);
    return Future.succeededFuture(NO_MATCHING_SUBSCRIBERS);
  }

  @Override
  public Future<Integer> subscribe(String filter, int qos) {
    String emitter = DeviceGateway.emitter(filter);
    if (emitter != null) {
      // as the emitter itself, which may always hear its own broadcasts
      return listenings.open(filter, qos, hub.whoami(emitter).compose(d -> hub.subscribe(d, emitter,
          Set.of(Channel.BROADCAST), m -> {
            if (DeviceGateway.broadcastKind(filter).test(m)) deliver(filter, SkynetPayloads.delivery(m));
          })));
    }
    if (SkynetAuthenticator.uuidShaped(filter)) {
      return listenings.open(filter, qos, hub.whoami(filter).compose((ObjectNode d) -> hub.subscribe(d, filter,
          EnumSet.of(Channel.RECEIVED, Channel.CONFIG), m -> deliver(filter, SkynetPayloads.delivery(m)))));
    }
    if (Topics.parse(filter) == null) return Future.succeededFuture(FILTER_INVALID);
    SkynetTaps.Tap tap = new SkynetTaps.Tap(filter, qos, outbox);
    SkynetTaps.Tap old = tapsByFilter.put(filter, tap);
    if (old != null) taps.remove(old);
    taps.add(tap);
    return Future.succeededFuture(qos);
  }

  @Override
  public boolean unsubscribe(String filter) {
    SkynetTaps.Tap tap = tapsByFilter.remove(filter);
    if (tap != null) taps.remove(tap);
    return listenings.close(filter) || tap != null;
  }

  @Override
  public void close() {
    tapsByFilter.values().forEach(taps::remove);
    tapsByFilter.clear();
    listenings.closeAll();
  }

  private void deliver(String filter, byte[] payload) {
    int qos = listenings.qos(filter);
    if (qos >= 0) outbox.send(filter, payload, qos);
  }
}

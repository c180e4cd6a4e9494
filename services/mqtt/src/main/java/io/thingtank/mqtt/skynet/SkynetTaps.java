package io.thingtank.mqtt.skynet;

import io.thingtank.mqtt.auth.ClientGateway;
import io.thingtank.mqtt.broker.Topics;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What the {@code skynet} super-user sees and reaches besides the hub (meshblu 2014
 * {@code lib/mqttServer.js}, where every accepted device publication, with {@code fromUuid}
 * added, went to the subscribers of its topic, and the super-user could publish raw payloads to
 * a device's uuid topic): super-user filters on request topics, and the connected devices'
 * own-uuid sinks. One per module; thread-safe.
 */
final class SkynetTaps {
  private final Set<Tap> taps = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<Consumer<byte[]>>> devices = new ConcurrentHashMap<>();

  /** A super-user subscription to request topics. */
  record Tap(String filter, int qos, ClientGateway.Outbox outbox) {}

  void add(Tap t) { taps.add(t); }

  void remove(Tap t) { taps.remove(t); }

  /** A device published {@code payload} on the SkyNet topic {@code topic}. */
  void published(String topic, byte[] payload) {
    for (Tap t : taps) if (Topics.matches(t.filter(), topic)) t.outbox().send(topic, payload, t.qos());
  }

  /** Registers a connected device's raw sink; the returned action removes it. */
  Runnable addDevice(String uuid, Consumer<byte[]> sink) {
    devices.computeIfAbsent(uuid, k -> ConcurrentHashMap.newKeySet()).add(sink);
    return () -> devices.computeIfPresent(uuid, (k, set) -> {
      set.remove(sink);
      return set.isEmpty() ? null : set;
    });
  }

  /** Hands {@code payload} as it is to the connected devices {@code uuid}; false if none is connected. */
  boolean toDevice(String uuid, byte[] payload) {
    Set<Consumer<byte[]>> sinks = devices.get(uuid);
    if (sinks == null) return false;
    sinks.forEach(s -> s.accept(payload));
    return true;
  }
}

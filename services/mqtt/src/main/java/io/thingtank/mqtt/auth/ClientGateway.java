package io.thingtank.mqtt.auth;

import io.vertx.core.Future;

/**
 * Takes over one connection's PUBLISH, SUBSCRIBE and UNSUBSCRIBE instead of the broker's topic
 * tree: what the client publishes is a request to the gateway, and what it receives comes only
 * from the gateway (SkyNet's device API, {@code io.thingtank.mqtt.skynet}). Opened after CONNACK
 * by the {@link Factory} its {@link MqttPrincipal} carries; closed when the connection closes.
 * Methods are called on the connection's event loop and must not block it.
 */
public interface ClientGateway {
  /** A PUBLISH from the client; completes with an MQTT 5 reason code (0 success, 0x87 not authorized, ...). */
  Future<Integer> publish(String topic, byte[] payload);

  /** One SUBSCRIBE filter; completes with the granted QoS, or a SUBACK failure reason (0x80 or above). */
  Future<Integer> subscribe(String filter, int qos);

  /** One UNSUBSCRIBE filter; true if it was subscribed. */
  boolean unsubscribe(String filter);

  /** The connection closed: end whatever the gateway listens to. */
  void close();

  /** Where a gateway sends messages to its client. Thread-safe. */
  @FunctionalInterface
  interface Outbox {
    void send(String topic, byte[] payload, int qos);
  }

  /** Opens the gateway of one connection. */
  @FunctionalInterface
  interface Factory {
    ClientGateway open(Outbox outbox);
  }
}

package io.thingtank.mqtt.store;

/**
 * What survives of a persistent session besides its subscriptions and queue.
 *
 * @param expirySeconds   session expiry interval (MQTT 5 §3.1.2.11.2); 0xFFFFFFFF never expires
 * @param disconnectedAt  epoch millis of the last disconnect, 0 while connected
 */
public record SessionRecord(String clientId, int protocolVersion, long expirySeconds, long disconnectedAt) {}

package io.thingtank.mqtt.broker;

/**
 * The will of one network connection (MQTT 5 §3.1.2.5), kept in the store while the connection
 * lives so that it is still published if the broker dies first.
 *
 * @param delaySeconds Will Delay Interval (§3.1.3.2.2)
 * @param nonce        tells this connection's will from a newer connection's with the same client id
 */
public record Will(Message message, long delaySeconds, long nonce) {}

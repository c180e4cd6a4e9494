package io.thingtank.mqtt.broker;

import java.util.List;

/**
 * One application message as the broker keeps it: what a PUBLISH carried (MQTT 5 §3.3), with
 * the message expiry turned into an absolute time so it can be decremented on every hop
 * (§3.3.2.3.3). Immutable; shared between all sessions it is delivered to.
 *
 * @param topic           topic name (never an alias)
 * @param payload         application payload
 * @param qos             the publisher's QoS (0, 1, 2)
 * @param retain          the publisher's RETAIN flag
 * @param expiresAt       epoch millis after which it must not be delivered; 0 = never
 * @param origin          client id of the publisher ("" for bridged or will messages)
 * @param properties      the MQTT 5 properties forwarded unaltered (§3.3.2.3)
 */
public record Message(String topic, byte[] payload, int qos, boolean retain, long expiresAt,
    String origin, MessageProperties properties) {

  public boolean expired(long now) { return expiresAt != 0 && now >= expiresAt; }

  /** Remaining message expiry interval in seconds (rounded up), or -1 if it has none. */
  public long remainingSeconds(long now) {
    if (expiresAt == 0) return -1;
    return Math.max(0, (expiresAt - now + 999) / 1000);
  }

  public Message withRetain(boolean r) {
    return new Message(topic, payload, qos, r, expiresAt, origin, properties);
  }

  /**
   * The properties a server forwards unaltered to subscribers (MQTT 5 §3.3.2.3.2-§3.3.2.3.9).
   * Fields are null (or empty) when absent.
   */
  public record MessageProperties(Integer payloadFormat, String contentType, String responseTopic,
      byte[] correlationData, List<UserProperty> userProperties) {
    public static final MessageProperties NONE = new MessageProperties(null, null, null, null, List.of());
  }

  /** An MQTT 5 user property (§3.3.2.3.7); order and duplicates are preserved. */
  public record UserProperty(String key, String value) {}
}

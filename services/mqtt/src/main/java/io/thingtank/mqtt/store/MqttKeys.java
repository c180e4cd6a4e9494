package io.thingtank.mqtt.store;

import io.thingtank.core.storage.Keys;

/**
 * Key layout of the {@code mqtt} table. Client ids and topics are UTF-8 and never contain
 * U+0000 (MQTT 5 §1.5.4), so a 0x00 terminator keeps one client's keys apart from another's.
 * <pre>
 *   [0x01][clientId][0x00]                  -> session   (SessionRecord)
 *   [0x02][clientId][0x00][topicFilter]     -> subscription (full filter incl. $share/g/)
 *   [0x03][clientId][0x00][seq:8 BE^sign]   -> queued outbound QoS 1/2 message, in delivery order
 *   [0x04][topic]                           -> retained message
 *   [0x05][clientId][0x00][packetId:4 BE^sign] -> inbound QoS 2 awaiting PUBREL (empty value)
 *   [0x06][clientId][0x00]                  -> will of the live connection: [nonce:8][delay:8][message]
 *   [0x07][clientId][0x00][filter]          -> filter granted by a ClientGateway: [qos:1]
 * </pre>
 */
public final class MqttKeys {
  static final byte SESSION = 1, SUBSCRIPTION = 2, QUEUED = 3, RETAINED = 4, INBOUND_QOS2 = 5, WILL = 6, GATEWAY_FILTER = 7;

  private MqttKeys() {}

  static byte[] session(String clientId) { return Keys.of(SESSION, clientId); }

  static byte[] subscription(String clientId, String fullFilter) {
    return Keys.of(SUBSCRIPTION, clientId, fullFilter.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static byte[] subscriptions(String clientId) { return Keys.of(SUBSCRIPTION, clientId); }

  static byte[] queued(String clientId, long seq) { return Keys.of(QUEUED, clientId, seq); }

  static byte[] queue(String clientId) { return Keys.of(QUEUED, clientId); }

  static byte[] retained(String topic) {
    return Keys.of(RETAINED, topic.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static byte[] inboundQos2(String clientId, int packetId) { return Keys.of(INBOUND_QOS2, clientId, packetId); }

  static byte[] inboundQos2(String clientId) { return Keys.of(INBOUND_QOS2, clientId); }

  static byte[] gatewayFilter(String clientId, String filter) {
    return Keys.of(GATEWAY_FILTER, clientId, filter.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static byte[] gatewayFilters(String clientId) { return Keys.of(GATEWAY_FILTER, clientId); }

  static byte[] will(String clientId) { return Keys.of(WILL, clientId); }

  static byte[] kind(byte kind) { return new byte[] {kind}; }

  /** The client id of a key of the session, subscription or queue kinds. */
  static String clientId(byte[] key) {
    int end = 1;
    while (key[end] != 0) end++;
    return new String(key, 1, end - 1, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The part after the client id's terminator. */
  static int afterClientId(byte[] key) {
    int end = 1;
    while (key[end] != 0) end++;
    return end + 1;
  }
}

package io.thingtank.mqtt.store;

import io.thingtank.mqtt.broker.Message;
import io.thingtank.mqtt.broker.Subscription;
import io.thingtank.mqtt.broker.Will;
import java.util.List;

/**
 * Durable broker state: persistent sessions, their subscriptions and queued QoS 1/2 messages,
 * and retained messages. Every method blocks until the change is in the write-ahead log, so
 * callers run them on the store executor, never on an event loop. Thread-safe.
 */
public interface MqttStore {
  void saveSession(SessionRecord s);

  /** Removes the session with its subscriptions, gateway filters and queue. */
  void deleteSession(String clientId);

  void saveSubscription(Subscription s);

  void deleteSubscription(String clientId, String fullFilter);

  /**
   * Atomically stores what one PUBLISH changes: the retained message of its topic (set, or
   * cleared when {@code retained} has an empty payload; untouched when null), the queue
   * entries of the persistent sessions it goes to, and (QoS 2 from a persistent session, else
   * null) the packet id now awaiting PUBREL.
   */
  void savePublish(Message retained, List<QueuedMessage> queued, InboundQos2 received);

  void deleteInboundQos2(InboundQos2 released);

  void saveGatewayFilter(GatewayFilter f);

  void deleteGatewayFilter(String clientId, String filter);

  void saveWill(String clientId, Will will);

  /** Deletes the stored will of {@code clientId} if it is still the one with {@code nonce}. */
  void deleteWill(String clientId, long nonce);

  void saveQueued(QueuedMessage q);

  void deleteQueued(String clientId, long seq);

  /** Everything, for recovery at start. */
  Snapshot load();

  /** The whole durable state in key order. */
  record Snapshot(List<SessionRecord> sessions, List<Subscription> subscriptions,
      List<QueuedMessage> queued, List<Message> retained, List<InboundQos2> inboundQos2,
      java.util.Map<String, Will> wills, List<GatewayFilter> gatewayFilters) {}
}

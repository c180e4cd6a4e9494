package io.thingtank.mqtt.broker;

import io.thingtank.mqtt.store.QueuedMessage;
import io.vertx.core.Future;

/**
 * The connection a session is currently attached to, as the session sees it. Methods may be
 * called from any thread (a publisher's event loop); implementations hand the packet to the
 * connection's channel, which keeps per-caller order.
 */
public interface Outlet {
  /** Sends a PUBLISH; {@code packetId} is 0 for QoS 0. Returns false if it was dropped (too large). */
  boolean publish(QueuedMessage m, boolean dup);

  /** Sends a PUBREL (MQTT 5 §3.6) for a QoS 2 delivery whose PUBREC arrived. */
  void pubrel(int packetId);

  /**
   * Ends the connection with a server DISCONNECT reason (MQTT 5 §3.14.2.1), e.g. 0x8E taken
   * over or 0x8B shutting down; completes when the connection is closed.
   */
  Future<Void> kick(int reasonCode);
}

package io.thingtank.mqtt.store;

import io.thingtank.mqtt.broker.Message;
import java.util.List;

/**
 * A QoS 1/2 message owed to one session, in its outbound order.
 *
 * @param seq             position in the session's queue; the packet id derives from it
 * @param qos             the granted QoS (min of message and subscription)
 * @param retain          the RETAIN flag to send (retain-as-published, MQTT 5 §3.8.3.1)
 * @param subscriptionIds identifiers of the matching subscriptions (§3.3.4)
 * @param released        QoS 2: PUBREC received and PUBREL sent, awaiting PUBCOMP (§4.3.3)
 */
public record QueuedMessage(String clientId, long seq, Message message, int qos, boolean retain,
    List<Integer> subscriptionIds, boolean released) {

  /** MQTT packet ids are 1..65535 (§2.2.1); they cycle with the queue position. */
  public int packetId() { return (int) Math.floorMod(seq, 65535L) + 1; }

  public QueuedMessage asReleased() {
    return new QueuedMessage(clientId, seq, message, qos, retain, subscriptionIds, true);
  }
}

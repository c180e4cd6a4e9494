package io.thingtank.mqtt.protocol;

import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.thingtank.mqtt.broker.Message;
import io.thingtank.mqtt.broker.Topics;
import io.vertx.core.Future;

/**
 * Inbound PUBLISH and the acknowledgement packets of both directions (MQTT 5 §3.3-§3.7,
 * §4.3): topic aliases, ACL, receive maximum, QoS 2 duplicate suppression, and the store
 * write before PUBACK/PUBREC. Runs on the connection's event loop.
 */
final class PublishHandler {
  // MQTT 5 reason codes used here (§2.4)
  private static final int SUCCESS = 0x00, UNSPECIFIED = 0x80, NOT_AUTHORIZED = 0x87, TOPIC_NAME_INVALID = 0x90,
      PACKET_ID_NOT_FOUND = 0x92, RECEIVE_MAX_EXCEEDED = 0x93, TOPIC_ALIAS_INVALID = 0x94;

  private final MqttConnection c;
  /** Inbound QoS 1/2 publications not yet acknowledged (QoS 2: until PUBCOMP), for Receive Maximum. */
  private int inboundInFlight;

  PublishHandler(MqttConnection c) { this.c = c; }

  void publish(MqttPublishMessage msg) {
    c.broker.stats().received();
    MqttPublishVariableHeader h = msg.variableHeader();
    int qos = msg.fixedHeader().qosLevel().value();
    int packetId = h.packetId();
    MqttProperties props = h.properties();
    String topic = h.topicName();
    if (c.v5) {
      if (InboundProperties.has(props, MqttProperties.SUBSCRIPTION_IDENTIFIER)) {
        c.protocolError("PUBLISH from a client carries a subscription identifier"); // §3.3.4
        return;
      }
      long alias = InboundProperties.integer(props, MqttProperties.TOPIC_ALIAS, 0);
      if (InboundProperties.has(props, MqttProperties.TOPIC_ALIAS)) {
        // §3.3.2.3.4: 0 or above the maximum we announced is invalid
        if (alias == 0 || alias > c.settings.topicAliasMaximum()) {
          c.disconnect(TOPIC_ALIAS_INVALID, "topic alias " + alias);
          return;
        }
        if (topic == null || topic.isEmpty()) {
          topic = c.topicAliases.get((int) alias);
          if (topic == null) {
            c.protocolError("unknown topic alias " + alias);
            return;
          }
        } else {
          c.topicAliases.put((int) alias, topic);
        }
      }
    }
    byte[] payload = new byte[msg.payload().readableBytes()];
    msg.payload().readBytes(payload);
    msg.release();
    if (!Topics.validName(topic)) {
      c.disconnect(TOPIC_NAME_INVALID, "topic name " + topic);
      return;
    }
    if (qos == 2 && !c.session.acceptInboundQos2(packetId)) {
      // §4.3.3: a duplicate of an unreleased message is acknowledged again, not routed again
      c.transport.send(Packets.pubReply(MqttMessageType.PUBREC, packetId, SUCCESS, c.v5));
      return;
    }
    if (qos > 0 && ++inboundInFlight > c.settings.receiveMaximum()) {
      c.disconnect(RECEIVE_MAX_EXCEEDED, "receive maximum exceeded"); // §3.3.4
      return;
    }
    if (c.gateway != null) {
      // the gateway's client publishes requests to it, never into the topic tree
      String requestTopic = topic;
      Future<Integer> handled = c.publishTail.transform(ignored -> c.gateway.publish(requestTopic, payload));
      c.publishTail = handled.transform(ignored -> Future.succeededFuture());
      if (qos > 0) handled.onComplete(ar -> ack(qos, packetId, ar.succeeded() ? ar.result() : UNSPECIFIED));
      return;
    }
    boolean allowed = !topic.startsWith("$SYS") && c.principal.acl().mayPublish(c.clientId, topic);
    if (!allowed) {
      // MQTT 5 answers 0x87; 3.1.1 has no negative PUBACK, so the message is acknowledged and dropped
      ack(qos, packetId, NOT_AUTHORIZED);
      return;
    }
    long expiry = c.v5 ? InboundProperties.integer(props, MqttProperties.PUBLICATION_EXPIRY_INTERVAL, -1) : -1;
    long now = c.broker.clock().millis();
    Message m = new Message(topic, payload, qos, msg.fixedHeader().isRetain(), expiry < 0 ? 0 : now + expiry * 1000,
        c.clientId, c.v5 ? InboundProperties.forwarded(props) : Message.MessageProperties.NONE);
    Future<Void> done = c.publishTail.transform(ignored -> qos == 2
        ? c.broker.publishQos2(m, c.session, packetId)
        : c.broker.publish(m, false));
    c.publishTail = done;
    if (qos > 0) done.onComplete(ar -> ack(qos, packetId, ar.succeeded() ? SUCCESS : UNSPECIFIED));
  }

  private void ack(int qos, int packetId, int reason) {
    if (c.isClosed()) return;
    if (qos == 1) {
      inboundInFlight--;
      c.transport.send(Packets.pubReply(MqttMessageType.PUBACK, packetId, reason, c.v5));
    } else if (qos == 2) {
      if (reason >= 0x80) {
        inboundInFlight--;
        c.session.releaseInboundQos2(packetId); // §4.3.3: an error PUBREC ends the exchange
      }
      c.transport.send(Packets.pubReply(MqttMessageType.PUBREC, packetId, reason, c.v5));
    }
  }

  /** PUBREL for an inbound QoS 2 message (§4.3.3): release the id and answer PUBCOMP. */
  void pubrel(int packetId) {
    boolean known = c.session.releaseInboundQos2(packetId);
    if (known) inboundInFlight = Math.max(0, inboundInFlight - 1);
    c.transport.send(Packets.pubReply(MqttMessageType.PUBCOMP, packetId, known ? SUCCESS : PACKET_ID_NOT_FOUND, c.v5));
  }

  /** PUBACK for a QoS 1 delivery to this client. */
  void puback(int packetId) { c.session.complete(packetId); }

  /** PUBREC for a QoS 2 delivery to this client; a reason >= 0x80 ends the exchange (§4.3.3). */
  void pubrec(int packetId, int reason) {
    if (!c.session.received(packetId, reason >= 0x80)) {
      c.transport.send(Packets.pubReply(MqttMessageType.PUBREL, packetId, PACKET_ID_NOT_FOUND, c.v5));
    }
  }

  /** PUBCOMP ends a QoS 2 delivery. */
  void pubcomp(int packetId) { c.session.complete(packetId); }
}

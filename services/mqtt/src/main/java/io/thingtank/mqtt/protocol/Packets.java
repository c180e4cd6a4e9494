package io.thingtank.mqtt.protocol;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnAckVariableHeader;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttUnsubAckPayload;
import io.thingtank.mqtt.broker.Message;
import io.thingtank.mqtt.broker.Message.MessageProperties;
import io.thingtank.mqtt.broker.Message.UserProperty;
import io.thingtank.mqtt.store.QueuedMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds the server's packets for one protocol version: MQTT 5 packets carry reason codes and
 * properties, 3.1.1 packets the older fixed forms (the encoder picks the wire form from the
 * version the decoder saw in CONNECT). Stateless.
 */
final class Packets {
  private Packets() {}

  static MqttConnAckMessage connAck(int reasonCode, boolean sessionPresent, MqttProperties props) {
    return new MqttConnAckMessage(fixed(MqttMessageType.CONNACK, MqttQoS.AT_MOST_ONCE),
        new MqttConnAckVariableHeader(MqttConnectReturnCode.valueOf((byte) reasonCode), sessionPresent, props));
  }

  /** PUBACK, PUBREC, PUBREL or PUBCOMP (MQTT 5 §3.4-§3.7); reason 0 is omitted on the wire. */
  static MqttMessage pubReply(MqttMessageType type, int packetId, int reasonCode, boolean v5) {
    MqttQoS qos = type == MqttMessageType.PUBREL ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE;
    Object header = v5
        ? new MqttPubReplyMessageVariableHeader(packetId, (byte) reasonCode, MqttProperties.NO_PROPERTIES)
        : MqttMessageIdVariableHeader.from(packetId);
    return new MqttMessage(fixed(type, qos), header);
  }

  static MqttSubAckMessage subAck(int packetId, List<Integer> codes) {
    return new MqttSubAckMessage(fixed(MqttMessageType.SUBACK, MqttQoS.AT_MOST_ONCE),
        new MqttMessageIdAndPropertiesVariableHeader(packetId, MqttProperties.NO_PROPERTIES),
        new MqttSubAckPayload(codes));
  }

  static MqttUnsubAckMessage unsubAck(int packetId, List<Short> codes, boolean v5) {
    return new MqttUnsubAckMessage(fixed(MqttMessageType.UNSUBACK, MqttQoS.AT_MOST_ONCE),
        new MqttMessageIdAndPropertiesVariableHeader(packetId, MqttProperties.NO_PROPERTIES),
        v5 ? new MqttUnsubAckPayload(codes) : null);
  }

  static MqttMessage disconnect(int reasonCode) {
    return new MqttMessage(fixed(MqttMessageType.DISCONNECT, MqttQoS.AT_MOST_ONCE),
        new MqttReasonCodeAndPropertiesVariableHeader((byte) reasonCode, MqttProperties.NO_PROPERTIES));
  }

  static MqttMessage pingResp() {
    return new MqttMessage(fixed(MqttMessageType.PINGRESP, MqttQoS.AT_MOST_ONCE));
  }

  /** A PUBLISH to a subscriber, with the remaining message expiry (MQTT 5 §3.3.2.3.3). */
  static MqttPublishMessage publish(QueuedMessage q, boolean dup, boolean v5, long now) {
    return publish(q, dup, v5, now, null);
  }

  /** As above, naming the topic by {@code alias} when given (MQTT 5 §3.3.2.3.4). */
  static MqttPublishMessage publish(QueuedMessage q, boolean dup, boolean v5, long now, OutboundTopicAliases.Use alias) {
    Message m = q.message();
    MqttProperties props = v5 ? properties(m, q.subscriptionIds(), now) : MqttProperties.NO_PROPERTIES;
    String topic = m.topic();
    if (alias != null && alias.alias() > 0) {
      props.add(new MqttProperties.IntegerProperty(MqttProperties.TOPIC_ALIAS, alias.alias()));
      topic = alias.topicName();
    }
    return new MqttPublishMessage(
        new MqttFixedHeader(MqttMessageType.PUBLISH, dup, MqttQoS.valueOf(q.qos()), q.retain(), 0),
        new MqttPublishVariableHeader(topic, q.qos() == 0 ? 0 : q.packetId(), props),
        Unpooled.wrappedBuffer(m.payload()));
  }

  /** Size in bytes of the PUBLISH {@link #publish} builds, to honour the client's Maximum Packet Size. */
  static long publishSize(QueuedMessage q, boolean v5) {
    Message m = q.message();
    long body = 2 + utf8(m.topic()) + (q.qos() > 0 ? 2 : 0) + m.payload().length;
    if (v5) {
      MessageProperties p = m.properties();
      long props = (p.payloadFormat() != null ? 2 : 0) + (m.expiresAt() != 0 ? 5 : 0)
          + (p.contentType() != null ? 3 + utf8(p.contentType()) : 0)
          + (p.responseTopic() != null ? 3 + utf8(p.responseTopic()) : 0)
          + (p.correlationData() != null ? 3 + p.correlationData().length : 0);
      for (UserProperty u : p.userProperties()) props += 5 + utf8(u.key()) + utf8(u.value());
      for (int id : q.subscriptionIds()) props += 1 + varIntSize(id);
      body += varIntSize(props) + props;
    }
    return 1 + varIntSize(body) + body;
  }

  private static MqttProperties properties(Message m, List<Integer> subscriptionIds, long now) {
    MessageProperties p = m.properties();
    MqttProperties props = new MqttProperties();
    if (p.payloadFormat() != null) {
      props.add(new MqttProperties.IntegerProperty(MqttProperties.PAYLOAD_FORMAT_INDICATOR, p.payloadFormat()));
    }
    long remaining = m.remainingSeconds(now);
    if (remaining >= 0) {
      props.add(new MqttProperties.IntegerProperty(MqttProperties.PUBLICATION_EXPIRY_INTERVAL, (int) remaining));
    }
    if (p.contentType() != null) {
      props.add(new MqttProperties.StringProperty(MqttProperties.CONTENT_TYPE, p.contentType()));
    }
    if (p.responseTopic() != null) {
      props.add(new MqttProperties.StringProperty(MqttProperties.RESPONSE_TOPIC, p.responseTopic()));
    }
    if (p.correlationData() != null) {
      props.add(new MqttProperties.BinaryProperty(MqttProperties.CORRELATION_DATA, p.correlationData()));
    }
    for (UserProperty u : p.userProperties()) props.add(new MqttProperties.UserProperty(u.key(), u.value()));
    for (int id : subscriptionIds) {
      props.add(new MqttProperties.IntegerProperty(MqttProperties.SUBSCRIPTION_IDENTIFIER, id));
    }
    return props;
  }

  private static MqttFixedHeader fixed(MqttMessageType type, MqttQoS qos) {
    return new MqttFixedHeader(type, false, qos, false, 0);
  }

  private static int utf8(String s) { return s.getBytes(StandardCharsets.UTF_8).length; }

  private static int varIntSize(long v) { return v < 128 ? 1 : v < 16384 ? 2 : v < 2097152 ? 3 : 4; }
}

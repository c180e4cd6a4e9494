package io.thingtank.mqtt.protocol;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.thingtank.mqtt.broker.Message.MessageProperties;
import io.thingtank.mqtt.broker.Message.UserProperty;
import java.util.ArrayList;
import java.util.List;

/** Reads MQTT 5 properties (§2.2.2) out of Netty's decoded {@link MqttProperties}. Stateless. */
final class InboundProperties {
  private InboundProperties() {}

  /** An integer property, or {@code dflt} when absent. */
  static long integer(MqttProperties p, int id, long dflt) {
    MqttProperties.MqttProperty<?> prop = p == null ? null : p.getProperty(id);
    return prop == null ? dflt : ((Integer) prop.value()) & 0xFFFFFFFFL;
  }

  static boolean has(MqttProperties p, int id) { return p != null && p.getProperty(id) != null; }

  static String string(MqttProperties p, int id) {
    MqttProperties.MqttProperty<?> prop = p == null ? null : p.getProperty(id);
    return prop == null ? null : (String) prop.value();
  }

  static byte[] binary(MqttProperties p, int id) {
    MqttProperties.MqttProperty<?> prop = p == null ? null : p.getProperty(id);
    return prop == null ? null : (byte[]) prop.value();
  }

  /** The properties of a PUBLISH or will that the server forwards unaltered (§3.3.2.3). */
  static MessageProperties forwarded(MqttProperties p) {
    if (p == null) return MessageProperties.NONE; // isEmpty() ignores user properties in Netty 4.2
    Integer format = has(p, MqttProperties.PAYLOAD_FORMAT_INDICATOR)
        ? (int) integer(p, MqttProperties.PAYLOAD_FORMAT_INDICATOR, 0) : null;
    MqttProperties.MqttProperty<?> corr = p.getProperty(MqttProperties.CORRELATION_DATA);
    List<UserProperty> users = new ArrayList<>();
    for (MqttProperties.MqttProperty<?> u : p.getProperties(MqttProperties.USER_PROPERTY)) {
      if (u instanceof MqttProperties.UserProperty up) {
        users.add(new UserProperty(up.value().key, up.value().value));
      } else if (u instanceof MqttProperties.UserProperties ups) {
        for (MqttProperties.StringPair pair : ups.value()) users.add(new UserProperty(pair.key, pair.value));
      }
    }
    return new MessageProperties(format, string(p, MqttProperties.CONTENT_TYPE),
        string(p, MqttProperties.RESPONSE_TOPIC), corr == null ? null : (byte[]) corr.value(), List.copyOf(users));
  }
}

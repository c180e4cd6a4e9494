package io.thingtank.mqtt.protocol;

import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.thingtank.mqtt.auth.EnhancedAuthentication;
import io.thingtank.mqtt.auth.MqttPrincipal;
import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * The AUTH exchange between CONNECT and CONNACK (MQTT 5 §4.12): sends AUTH 0x18 Continue
 * authentication with the method's challenge, takes the client's AUTH 0x18 answers, and ends
 * with the principal; the last server data goes into CONNACK. Fails with a
 * {@link SecurityException} (CONNACK 0x86) or, for a malformed exchange, a protocol error.
 * Re-authentication after CONNACK (AUTH 0x19) is not offered. Confined to the connection's event loop.
 */
final class EnhancedAuthHandler {
  private static final int CONTINUE = 0x18;

  private final MqttConnection c;
  private final EnhancedAuthentication exchange;
  private final Promise<MqttPrincipal> done = Promise.promise();
  private byte[] finalData;

  EnhancedAuthHandler(MqttConnection c, EnhancedAuthentication exchange) {
    this.c = c;
    this.exchange = exchange;
  }

  /** Takes CONNECT's Authentication Data; completes when the client is authenticated. */
  Future<MqttPrincipal> start(byte[] connectData) {
    step(connectData);
    return done.future();
  }

  /** An AUTH packet from the client during the exchange. */
  void auth(MqttMessage m) {
    if (done.future().isComplete()) return;
    if (!(m.variableHeader() instanceof MqttReasonCodeAndPropertiesVariableHeader h)
        || (h.reasonCode() & 0xFF) != CONTINUE
        || !exchange.method().equals(InboundProperties.string(h.properties(), MqttProperties.AUTHENTICATION_METHOD))) {
      done.tryFail(new IllegalArgumentException("AUTH without Continue or with another method")); // §4.12.0-4
      return;
    }
    step(InboundProperties.binary(h.properties(), MqttProperties.AUTHENTICATION_DATA));
  }

  private void step(byte[] data) {
    EnhancedAuthentication.Step s;
    try {
      s = exchange.step(data);
    } catch (SecurityException | IllegalArgumentException e) {
      done.tryFail(e instanceof SecurityException ? e : new SecurityException(e.getMessage()));
      return;
    }
    if (s.principal() != null) {
      finalData = s.serverData();
      done.tryComplete(s.principal());
      return;
    }
    c.transport.send(new MqttMessage(new MqttFixedHeader(MqttMessageType.AUTH, false, MqttQoS.AT_MOST_ONCE, false, 0),
        new MqttReasonCodeAndPropertiesVariableHeader((byte) CONTINUE, properties(s.serverData()))));
  }

  /** §4.12.0-5: a successful CONNACK repeats the method, with the method's last data. */
  void addTo(MqttProperties connAck) {
    connAck.add(new MqttProperties.StringProperty(MqttProperties.AUTHENTICATION_METHOD, exchange.method()));
    if (finalData != null) connAck.add(new MqttProperties.BinaryProperty(MqttProperties.AUTHENTICATION_DATA, finalData));
  }

  private MqttProperties properties(byte[] data) {
    MqttProperties p = new MqttProperties();
    p.add(new MqttProperties.StringProperty(MqttProperties.AUTHENTICATION_METHOD, exchange.method()));
    if (data != null) p.add(new MqttProperties.BinaryProperty(MqttProperties.AUTHENTICATION_DATA, data));
    return p;
  }
}

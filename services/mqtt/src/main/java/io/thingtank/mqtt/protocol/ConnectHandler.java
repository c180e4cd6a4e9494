package io.thingtank.mqtt.protocol;

import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttIdentifierRejectedException;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.thingtank.mqtt.MqttSettings;
import io.thingtank.mqtt.auth.MqttAuthenticator.MqttCredentials;
import io.thingtank.mqtt.auth.MqttPrincipal;
import io.thingtank.mqtt.broker.Broker;
import io.thingtank.mqtt.broker.Message;
import io.thingtank.mqtt.broker.Topics;
import io.thingtank.mqtt.broker.Will;
import io.vertx.core.Future;
import java.util.UUID;

/**
 * CONNECT (MQTT 5 §3.1, 3.1.1 §3.1): validates, authenticates, opens or resumes the session
 * and answers CONNACK (§3.2) with the server's limits. Runs on the connection's event loop.
 */
final class ConnectHandler {
  // CONNACK reason codes: MQTT 5 §3.2.2.2 and their 3.1.1 return codes (§3.2.2.3)
  private static final int UNSUPPORTED_VERSION_V3 = 0x01, IDENTIFIER_REJECTED_V3 = 0x02,
      BAD_CREDENTIALS_V3 = 0x04, NOT_AUTHORIZED_V3 = 0x05;
  private static final int MALFORMED = 0x81, PROTOCOL_ERROR = 0x82, IDENTIFIER_REJECTED = 0x85,
      BAD_CREDENTIALS = 0x86, NOT_AUTHORIZED = 0x87, BAD_AUTH_METHOD = 0x8C, TOPIC_INVALID = 0x90,
      PACKET_TOO_LARGE = 0x95, UNSUPPORTED_VERSION = 0x84, USE_ANOTHER_SERVER = 0x9C, SERVER_MOVED = 0x9D,
      SERVER_UNAVAILABLE_V3 = 0x03;

  private final MqttConnection c;
  private final ConnectAuth auth;
  /** CONNECT asked for Response Information (§3.1.2.11.7). */
  private boolean wantsResponseInformation;
  /** The AUTH exchange when CONNECT named an Authentication Method (§4.12); else null. */
  private EnhancedAuthHandler enhanced;

  ConnectHandler(MqttConnection c, ConnectAuth auth) {
    this.c = c;
    this.auth = auth;
  }

  void handle(MqttConnectMessage msg) {
    MqttConnectVariableHeader h = msg.variableHeader();
    MqttConnectPayload p = msg.payload();
    c.v5 = h.version() == MqttVersion.MQTT_5.protocolLevel();
    MqttProperties props = h.properties();
    if (c.v5) {
      if (InboundProperties.has(props, MqttProperties.AUTHENTICATION_METHOD)) {
        var exchange = auth.enhanced(InboundProperties.string(props, MqttProperties.AUTHENTICATION_METHOD));
        if (exchange.isEmpty()) {
          refuse(BAD_AUTH_METHOD, BAD_AUTH_METHOD); // §4.12: a method the server does not offer
          return;
        }
        enhanced = new EnhancedAuthHandler(c, exchange.get());
      }
      // §3.1.2.11.3 / §3.1.2.11.4: zero Receive Maximum or Maximum Packet Size is a protocol error
      if (InboundProperties.integer(props, MqttProperties.RECEIVE_MAXIMUM, 1) == 0
          || InboundProperties.integer(props, MqttProperties.MAXIMUM_PACKET_SIZE, 1) == 0) {
        refuse(PROTOCOL_ERROR, PROTOCOL_ERROR);
        return;
      }
    }
    MqttSettings.V5 options = c.settings.v5();
    if (options.serverReference() != null) { // §4.11 server redirection
      MqttProperties ref = new MqttProperties();
      if (c.v5) ref.add(new MqttProperties.StringProperty(MqttProperties.SERVER_REFERENCE, options.serverReference()));
      c.close(Packets.connAck(c.v5 ? (options.serverMoved() ? SERVER_MOVED : USE_ANOTHER_SERVER)
          : SERVER_UNAVAILABLE_V3, false, ref));
      return;
    }
    wantsResponseInformation = c.v5 && InboundProperties.integer(props, MqttProperties.REQUEST_RESPONSE_INFORMATION, 0) == 1;
    int aliasMaximum = c.v5 ? (int) InboundProperties.integer(props, MqttProperties.TOPIC_ALIAS_MAXIMUM, 0) : 0;
    c.outboundAliases = aliasMaximum > 0 ? new OutboundTopicAliases(aliasMaximum) : null;
    String clientId = p.clientIdentifier() == null ? "" : p.clientIdentifier();
    boolean assigned = false;
    if (clientId.isEmpty()) {
      // 3.1.1 §3.1.3.1: an empty id needs CleanSession=1; MQTT 5 assigns one (§3.2.2.3.7)
      if (!c.v5 && !h.isCleanSession()) {
        refuse(IDENTIFIER_REJECTED_V3, IDENTIFIER_REJECTED);
        return;
      }
      clientId = "auto-" + UUID.randomUUID();
      assigned = true;
    }
    Will will = null;
    if (h.isWillFlag()) {
      if (!Topics.validName(p.willTopic())) {
        // MQTT 5 §3.1.3.3: CONNACK 0x90; 3.1.1 has no return code for it, so just close
        if (c.v5) refuse(0, TOPIC_INVALID);
        else c.close(null);
        return;
      }
      MqttProperties wp = p.willProperties();
      long expiry = InboundProperties.integer(wp, MqttProperties.PUBLICATION_EXPIRY_INTERVAL, -1);
      long now = c.broker.clock().millis();
      Message message = new Message(p.willTopic(),
          p.willMessageInBytes() == null ? new byte[0] : p.willMessageInBytes(),
          h.willQos(), h.isWillRetain(), expiry < 0 ? 0 : now + expiry * 1000, clientId,
          c.v5 ? InboundProperties.forwarded(wp) : Message.MessageProperties.NONE);
      will = new Will(message, c.v5 ? InboundProperties.integer(wp, MqttProperties.WILL_DELAY_INTERVAL, 0) : 0,
          java.util.concurrent.ThreadLocalRandom.current().nextLong());
    }
    long expiry = c.v5
        ? InboundProperties.integer(props, MqttProperties.SESSION_EXPIRY_INTERVAL, 0)
        : (h.isCleanSession() ? 0 : Broker.NEVER); // 3.1.1 persistent sessions do not expire
    int receiveMax = (int) InboundProperties.integer(props, MqttProperties.RECEIVE_MAXIMUM, 65535);
    c.clientMaxPacketSize = InboundProperties.integer(props, MqttProperties.MAXIMUM_PACKET_SIZE, Long.MAX_VALUE);
    String id = clientId;
    boolean wasAssigned = assigned;
    Will w = will;
    Future<MqttPrincipal> who = enhanced != null
        ? enhanced.start(InboundProperties.binary(props, MqttProperties.AUTHENTICATION_DATA))
        : auth.authenticate(new MqttCredentials(clientId, h.hasUserName() ? p.userName() : null,
            h.hasPassword() ? p.passwordInBytes() : null));
    who.onComplete(ar -> {
          if (c.isClosed()) return;
          if (ar.failed()) {
            if (enhanced != null && !(ar.cause() instanceof SecurityException)) {
              c.protocolError(String.valueOf(ar.cause().getMessage()));
              return;
            }
            boolean denied = ar.cause() instanceof SecurityException;
            refuse(denied ? BAD_CREDENTIALS_V3 : NOT_AUTHORIZED_V3, denied ? BAD_CREDENTIALS : NOT_AUTHORIZED);
            return;
          }
          if (w != null && !ar.result().acl().mayPublish(id, w.message().topic())) {
            refuse(NOT_AUTHORIZED_V3, NOT_AUTHORIZED);
            return;
          }
          accept(ar.result(), id, wasAssigned, h, expiry, receiveMax, w);
        });
  }

  private void accept(MqttPrincipal principal, String clientId, boolean assigned, MqttConnectVariableHeader h,
      long expiry, int receiveMax, Will will) {
    if (will == null) {
      open(principal, clientId, assigned, h, expiry, receiveMax, null);
      return;
    }
    c.broker.registerWill(clientId, will).onComplete(ar -> {
      if (c.isClosed() || ar.failed()) {
        c.broker.discardWill(clientId, will);
        if (ar.failed()) refuse(0x03, 0x80); // store failed: 3.1.1 "server unavailable", MQTT 5 unspecified error
        return;
      }
      open(principal, clientId, assigned, h, expiry, receiveMax, will);
    });
  }

  private void open(MqttPrincipal principal, String clientId, boolean assigned, MqttConnectVariableHeader h,
      long expiry, int receiveMax, Will will) {
    c.principal = principal;
    c.clientId = clientId;
    c.will = will;
    int version = h.version();
    Broker.Opened opened = c.broker.open(clientId, h.isCleanSession(), expiry, version);
    c.session = opened.session();
    MqttProperties ack = new MqttProperties();
    if (c.v5) {
      if (assigned) ack.add(new MqttProperties.StringProperty(MqttProperties.ASSIGNED_CLIENT_IDENTIFIER, clientId));
      if (c.settings.receiveMaximum() < 65535) {
        ack.add(new MqttProperties.IntegerProperty(MqttProperties.RECEIVE_MAXIMUM, c.settings.receiveMaximum()));
      }
      ack.add(new MqttProperties.IntegerProperty(MqttProperties.MAXIMUM_PACKET_SIZE, c.settings.maxPacketSize()));
      ack.add(new MqttProperties.IntegerProperty(MqttProperties.TOPIC_ALIAS_MAXIMUM, c.settings.topicAliasMaximum()));
      if (enhanced != null) enhanced.addTo(ack);
      if (wantsResponseInformation) {
        ack.add(new MqttProperties.StringProperty(MqttProperties.RESPONSE_INFORMATION,
            c.settings.v5().responseInformation() + clientId));
      }
    }
    int keepAlive = h.keepAliveTimeSeconds();
    int maxKeepAlive = c.settings.v5().maxKeepAlive();
    if (c.v5 && maxKeepAlive > 0 && (keepAlive == 0 || keepAlive > maxKeepAlive)) {
      keepAlive = maxKeepAlive; // §3.2.2.3.14: the client must use the Server Keep Alive
      ack.add(new MqttProperties.IntegerProperty(MqttProperties.SERVER_KEEP_ALIVE, keepAlive));
    }
    c.transport.send(Packets.connAck(0, opened.present(), ack));
    c.connected(keepAlive);
    // after CONNACK: resend unacknowledged deliveries and drain the queue (§4.4)
    c.session.attach(c, receiveMax);
    if (principal.gateway() != null) {
      Broker.Opened session = opened;
      c.gateway = principal.gateway().open((topic, payload, qos) -> c.broker.deliverTo(session.session(),
          new Message(topic, payload, qos, false, 0, "", Message.MessageProperties.NONE)));
      // a resumed session reopens what its gateway granted before, checked again; refused ones are dropped
      c.session.gatewayFilters().forEach((filter, qos) -> c.gateway.subscribe(filter, qos).onComplete(ar -> {
        if (ar.failed() || ar.result() >= 0x80) c.broker.forgetGatewayFilter(c.session, filter);
      }));
    } else {
      c.session.gatewayFilters().keySet().forEach(f -> c.broker.forgetGatewayFilter(c.session, f));
    }
  }

  /** An AUTH packet before CONNACK: part of the exchange, or a protocol error without one (§4.12.0-1). */
  void auth(io.netty.handler.codec.mqtt.MqttMessage m) {
    if (enhanced == null) c.protocolError("AUTH without an Authentication Method in CONNECT");
    else enhanced.auth(m);
  }

  /** DISCONNECT carried a new Session Expiry Interval (§3.14.2.2.2). */
  void changeExpiry(long expiry) {
    c.broker.open(c.clientId, false, expiry, c.session.protocolVersion());
  }

  /** CONNECT could not be decoded: answer with the matching CONNACK if the version is known. */
  void rejectMalformed(Throwable cause) {
    MqttVersion v = c.transport.version();
    c.v5 = v == MqttVersion.MQTT_5;
    if (cause instanceof MqttUnacceptableProtocolVersionException) {
      refuse(UNSUPPORTED_VERSION_V3, UNSUPPORTED_VERSION);
    } else if (cause instanceof MqttIdentifierRejectedException) {
      refuse(IDENTIFIER_REJECTED_V3, IDENTIFIER_REJECTED);
    } else if (v != MqttVersion.MQTT_5) {
      c.close(null); // 3.1.1 §4.8: close without CONNACK
    } else {
      refuse(MALFORMED, cause instanceof io.netty.handler.codec.TooLongFrameException ? PACKET_TOO_LARGE : MALFORMED);
    }
  }

  private void refuse(int v3Code, int v5Code) {
    c.close(Packets.connAck(c.v5 ? v5Code : v3Code, false, MqttProperties.NO_PROPERTIES));
  }
}

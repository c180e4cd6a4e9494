package io.thingtank.mqtt.protocol;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.thingtank.mqtt.MqttSettings;
import io.thingtank.mqtt.auth.ClientGateway;
import io.thingtank.mqtt.auth.MqttPrincipal;
import io.thingtank.mqtt.broker.Broker;
import io.thingtank.mqtt.broker.Message;
import io.thingtank.mqtt.broker.Outlet;
import io.thingtank.mqtt.broker.Session;
import io.thingtank.mqtt.broker.Will;
import io.thingtank.mqtt.store.QueuedMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: checks each decoded packet, dispatches it by type to the packet
 * handlers, and is the {@link Outlet} its session sends through. Packet handling runs on the
 * connection's event loop; the {@link Outlet} methods may be called from any thread.
 */
public final class MqttConnection implements Outlet {
  private static final Logger LOG = LoggerFactory.getLogger(MqttConnection.class);
  /** A client has this long to send CONNECT (MQTT 5 §4.8 leaves it to the server). */
  private static final long CONNECT_TIMEOUT_MS = 10_000;

  final MqttTransport transport;
  final Broker broker;
  final MqttSettings settings;
  final ConnectHandler connect;
  final PublishHandler publish;
  final SubscribeHandler subscribe;
  final Vertx vertx;

  // set by CONNECT; read on the event loop (and version by Outlet calls after CONNECT)
  volatile boolean v5;
  volatile long clientMaxPacketSize = Long.MAX_VALUE;
  /** Set by CONNECT when the MQTT 5 client accepts topic aliases (§3.1.2.11.5); else null. */
  volatile OutboundTopicAliases outboundAliases;
  String clientId;
  Session session;
  MqttPrincipal principal;
  /** Set after CONNACK when the principal brings one; then it, not the broker, handles publications. */
  ClientGateway gateway;
  Will will;
  final Map<Integer, String> topicAliases = new HashMap<>();
  /** Tail of this connection's publications: routing and acknowledgements stay in arrival order. */
  Future<Void> publishTail = Future.succeededFuture();

  private State state = State.AWAIT_CONNECT;
  private long lastPacketAt;
  private long keepAliveTimer = -1;
  private final long connectTimer;

  private enum State { AWAIT_CONNECT, AUTHENTICATING, CONNECTED, CLOSED }

  public MqttConnection(Vertx vertx, MqttTransport transport, Broker broker, ConnectAuth auth,
      MqttSettings settings) {
    this.vertx = vertx;
    this.transport = transport;
    this.broker = broker;
    this.settings = settings;
    this.connect = new ConnectHandler(this, auth);
    this.publish = new PublishHandler(this);
    this.subscribe = new SubscribeHandler(this);
    this.lastPacketAt = System.nanoTime();
    this.connectTimer = vertx.setTimer(CONNECT_TIMEOUT_MS, t -> {
      if (state == State.AWAIT_CONNECT) close(null);
    });
  }

  /** A decoded packet (or a decoder failure) from the transport; on the event loop. */
  public void handle(Object msg) {
    if (state == State.CLOSED || !(msg instanceof MqttMessage m)) return;
    lastPacketAt = System.nanoTime();
    DecoderResult result = m.decoderResult();
    if (result != null && result.isFailure()) {
      malformed(result.cause());
      return;
    }
    MqttMessageType type = m.fixedHeader().messageType();
    if (state == State.AWAIT_CONNECT) {
      if (type != MqttMessageType.CONNECT) {
        close(null); // §3.1.0-1: the first packet must be CONNECT
        return;
      }
      state = State.AUTHENTICATING;
      vertx.cancelTimer(connectTimer);
      connect.handle((MqttConnectMessage) m);
      return;
    }
    if (state == State.AUTHENTICATING) {
      if (type == MqttMessageType.AUTH) connect.auth(m); // §4.12: the exchange before CONNACK
      else protocolError("packet before CONNACK"); // §3.1.4: no other packet until CONNECT is processed
      return;
    }
    switch (type) {
      case PUBLISH -> publish.publish((MqttPublishMessage) m);
      case PUBACK -> publish.puback(packetId(m));
      case PUBREC -> publish.pubrec(packetId(m), reasonCode(m));
      case PUBREL -> publish.pubrel(packetId(m));
      case PUBCOMP -> publish.pubcomp(packetId(m));
      case SUBSCRIBE -> subscribe.subscribe((MqttSubscribeMessage) m);
      case UNSUBSCRIBE -> subscribe.unsubscribe((MqttUnsubscribeMessage) m);
      case PINGREQ -> transport.send(Packets.pingResp());
      case DISCONNECT -> disconnectFromClient(m);
      case CONNECT -> protocolError("second CONNECT"); // §3.1.0-2
      case AUTH -> disconnect(0x8C, "re-authentication is not offered"); // §4.12.1
      default -> protocolError("packet type " + type + " is not sent by clients");
    }
  }

  /** CONNECT accepted: keep-alive monitoring starts (§3.1.2.10: 1.5 times the interval). */
  void connected(int keepAliveSeconds) {
    state = State.CONNECTED;
    if (keepAliveSeconds > 0) {
      long limitNanos = keepAliveSeconds * 1_500_000_000L;
      keepAliveTimer = vertx.setPeriodic(Math.max(250, keepAliveSeconds * 500L), t -> {
        if (System.nanoTime() - lastPacketAt > limitNanos) disconnect(0x8D, "keep alive timeout");
      });
    }
  }

  boolean isClosed() { return state == State.CLOSED; }

  private void disconnectFromClient(MqttMessage m) {
    int reason = reasonCode(m);
    if (v5 && m.variableHeader() instanceof MqttReasonCodeAndPropertiesVariableHeader h) {
      long expiry = InboundProperties.integer(h.properties(), io.netty.handler.codec.mqtt.MqttProperties.SESSION_EXPIRY_INTERVAL, -1);
      if (expiry >= 0) {
        // §3.14.2.2.2: a session that started with expiry 0 cannot be given one now
        if (session.expirySeconds() == 0 && expiry != 0) {
          protocolError("session expiry set on DISCONNECT after CONNECT had 0");
          return;
        }
        connect.changeExpiry(expiry);
      }
    }
    if (reason != 0x04 && will != null) { // §3.14.4: normal disconnect discards the will; 0x04 keeps it
      broker.discardWill(clientId, will);
      will = null;
    }
    close(null);
  }

  /** A decoder failure: CONNACK/DISCONNECT with the fitting reason (MQTT 5 §4.13), then close. */
  private void malformed(Throwable cause) {
    if (state == State.AWAIT_CONNECT) {
      connect.rejectMalformed(cause);
      return;
    }
    LOG.debug("malformed packet from {}: {}", transport.remoteAddress(), String.valueOf(cause));
    disconnect(cause instanceof TooLongFrameException ? 0x95 : 0x81, String.valueOf(cause.getMessage()));
  }

  void protocolError(String why) { disconnect(0x82, why); }

  /** Server-side DISCONNECT (§3.14, MQTT 5 only; 3.1.1 just closes) and close. */
  Future<Void> disconnect(int reasonCode, String why) {
    if (state == State.CLOSED) return Future.succeededFuture();
    LOG.debug("disconnecting {} ({}): 0x{} {}", clientId, transport.remoteAddress(),
        Integer.toHexString(reasonCode), why);
    return close(v5 && state == State.CONNECTED ? Packets.disconnect(reasonCode) : null);
  }

  /** Closes once; the session is detached and a will (if still set) is scheduled. */
  Future<Void> close(MqttMessage last) {
    if (state == State.CLOSED) return Future.succeededFuture();
    Future<Void> closed = transport.sendAndClose(last);
    transportClosed();
    return closed;
  }

  /** The transport closed (by us or by the peer); on the event loop. */
  public void transportClosed() {
    if (state == State.CLOSED) return;
    boolean wasConnected = state == State.CONNECTED;
    state = State.CLOSED;
    vertx.cancelTimer(connectTimer);
    if (keepAliveTimer >= 0) vertx.cancelTimer(keepAliveTimer);
    if (gateway != null) gateway.close();
    if (wasConnected && session != null) {
      Will w = will;
      will = null;
      if (w != null) broker.scheduleWill(session, w);
      broker.disconnected(session, this);
    }
  }

  // Outlet: called by the session from any thread

  @Override
  public boolean publish(QueuedMessage m, boolean dup) {
    if (clientMaxPacketSize != Long.MAX_VALUE && Packets.publishSize(m, v5) > clientMaxPacketSize) {
      return false; // MQTT 5 §3.1.2.24: never send a packet larger than the client accepts
    }
    if (m.qos() == 0 && !transport.writable()) {
      return true; // slow consumer: QoS 0 is "at most once", dropped rather than buffered without bound
    }
    broker.stats().sent();
    OutboundTopicAliases aliases = outboundAliases;
    if (aliases == null) {
      transport.send(Packets.publish(m, dup, v5, broker.clock().millis()));
      return true;
    }
    synchronized (aliases) { // the packet that assigns an alias is queued before any that uses it
      transport.send(Packets.publish(m, dup, v5, broker.clock().millis(), aliases.use(m.message().topic())));
    }
    return true;
  }

  @Override
  public void pubrel(int packetId) {
    transport.send(Packets.pubReply(MqttMessageType.PUBREL, packetId, 0, v5));
  }

  @Override
  public Future<Void> kick(int reasonCode) {
    io.vertx.core.Promise<Void> closed = io.vertx.core.Promise.promise();
    transport.context().runOnContext(v -> disconnect(reasonCode, "server side disconnect").onComplete(closed));
    return closed.future();
  }

  static int packetId(MqttMessage m) {
    return m.variableHeader() instanceof MqttMessageIdVariableHeader h ? h.messageId() : 0;
  }

  static int reasonCode(MqttMessage m) {
    Object h = m.variableHeader();
    if (h instanceof io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader r) return r.reasonCode() & 0xFF;
    if (h instanceof MqttReasonCodeAndPropertiesVariableHeader r) return r.reasonCode() & 0xFF;
    return 0;
  }
}

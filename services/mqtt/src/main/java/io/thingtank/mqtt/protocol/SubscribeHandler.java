package io.thingtank.mqtt.protocol;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.thingtank.mqtt.broker.Subscription;
import io.thingtank.mqtt.broker.Topics;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * SUBSCRIBE and UNSUBSCRIBE (MQTT 5 §3.8-§3.11): validation, ACL, subscription options,
 * retained messages per Retain Handling, and SUBACK/UNSUBACK once the change is durable.
 * Runs on the connection's event loop.
 */
final class SubscribeHandler {
  // SUBACK / UNSUBACK reason codes (§3.9.3, §3.11.3); 3.1.1 knows only 0x80 failure
  private static final int FAILURE = 0x80, NOT_AUTHORIZED = 0x87, FILTER_INVALID = 0x8F, NO_SUBSCRIPTION = 0x11;

  private final MqttConnection c;

  SubscribeHandler(MqttConnection c) { this.c = c; }

  void subscribe(MqttSubscribeMessage msg) {
    int packetId = msg.idAndPropertiesVariableHeader().messageId();
    MqttProperties props = msg.idAndPropertiesVariableHeader().properties();
    int identifier = (int) InboundProperties.integer(props, MqttProperties.SUBSCRIPTION_IDENTIFIER, 0);
    if (InboundProperties.has(props, MqttProperties.SUBSCRIPTION_IDENTIFIER) && identifier == 0) {
      c.protocolError("subscription identifier 0"); // §3.8.2.1.2
      return;
    }
    List<MqttTopicSubscription> topics = msg.payload().topicSubscriptions();
    if (topics.isEmpty()) {
      c.protocolError("SUBSCRIBE without topic filters"); // §3.8.3-2
      return;
    }
    if (c.gateway != null) {
      subscribeAtGateway(packetId, topics);
      return;
    }
    List<Integer> codes = new ArrayList<>();
    List<Future<?>> writes = new ArrayList<>();
    List<Runnable> afterAck = new ArrayList<>();
    for (MqttTopicSubscription t : topics) {
      MqttSubscriptionOption o = t.option();
      Topics.SharedFilter f = Topics.parse(t.topicFilter());
      if (f == null) {
        codes.add(c.v5 ? FILTER_INVALID : FAILURE);
        continue;
      }
      if (f.group() != null && o.isNoLocal()) {
        c.protocolError("no local on a shared subscription"); // §3.8.3.1
        return;
      }
      if (!c.principal.acl().maySubscribe(c.clientId, f.filter())) {
        codes.add(c.v5 ? NOT_AUTHORIZED : FAILURE);
        continue;
      }
      int qos = o.qos().value();
      Subscription sub = new Subscription(c.clientId, f.filter(), f.group(), qos, c.v5 && o.isNoLocal(),
          c.v5 && o.isRetainAsPublished(), c.v5 ? o.retainHandling().value() : 0, identifier);
      codes.add(qos);
      Future<Boolean> existed = c.broker.subscribe(c.session, sub);
      writes.add(existed);
      afterAck.add(() -> {
        // §3.3.1.3 Retain Handling: 0 always, 1 only for a new subscription, 2 never
        boolean isNew = existed.succeeded() && !existed.result();
        if (sub.retainHandling() == 0 || (sub.retainHandling() == 1 && isNew)) c.broker.sendRetained(c.session, sub);
      });
    }
    Future.join(writes).onComplete(ar -> {
      if (c.isClosed()) return;
      c.transport.send(Packets.subAck(packetId, codes));
      afterAck.forEach(Runnable::run);
    });
  }

  /**
   * The gateway decides each filter; a granted one is kept with the session (SUBACK after that
   * write, as for topic-tree subscriptions). 3.1.1 knows only one failure code (§3.9.3).
   */
  private void subscribeAtGateway(int packetId, List<MqttTopicSubscription> topics) {
    List<Future<Integer>> granted = new ArrayList<>();
    for (MqttTopicSubscription t : topics) {
      String filter = t.topicFilter();
      granted.add(c.gateway.subscribe(filter, t.option().qos().value()).compose(code -> code >= FAILURE
          ? Future.succeededFuture(code) : c.broker.rememberGatewayFilter(c.session, filter, code).map(code)));
    }
    Future.join(granted).onComplete(ar -> {
      if (c.isClosed()) return;
      List<Integer> codes = new ArrayList<>();
      for (Future<Integer> g : granted) {
        int code = g.succeeded() ? g.result() : FAILURE;
        codes.add(code >= FAILURE && !c.v5 ? FAILURE : code);
      }
      c.transport.send(Packets.subAck(packetId, codes));
    });
  }

  void unsubscribe(MqttUnsubscribeMessage msg) {
    int packetId = msg.idAndPropertiesVariableHeader().messageId();
    List<String> filters = msg.payload().topics();
    if (c.gateway != null) {
      List<Short> codes = new ArrayList<>();
      for (String f : filters) {
        codes.add((short) (c.gateway.unsubscribe(f) ? 0 : NO_SUBSCRIPTION));
        c.broker.forgetGatewayFilter(c.session, f);
      }
      c.transport.send(Packets.unsubAck(packetId, codes, c.v5));
      return;
    }
    List<Future<Boolean>> results = new ArrayList<>();
    for (String f : filters) results.add(c.broker.unsubscribe(c.session, f));
    Future.join(results).onComplete(ar -> {
      if (c.isClosed()) return;
      List<Short> codes = new ArrayList<>();
      for (Future<Boolean> r : results) {
        codes.add((short) (r.succeeded() && r.result() ? 0 : r.succeeded() ? NO_SUBSCRIPTION : FAILURE));
      }
      c.transport.send(Packets.unsubAck(packetId, codes, c.v5));
    });
  }
}

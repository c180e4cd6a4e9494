package io.thingtank.mqtt.broker;

import io.thingtank.core.storage.StoreExecutor;
import io.thingtank.mqtt.store.GatewayFilter;
import io.thingtank.mqtt.store.InboundQos2;
import io.thingtank.mqtt.store.MqttStore;
import io.thingtank.mqtt.store.QueuedMessage;
import io.thingtank.mqtt.store.SessionRecord;
import io.vertx.core.Future;
import java.util.List;

/**
 * Runs {@link MqttStore} calls on the store executor. Changes of one session run in order on
 * the session's stripe; a PUBLISH's changes run on its topic's stripe, and the broker delivers
 * only after they are durable, so a subscriber's acknowledgement (which deletes the entry)
 * always comes after the entry was written. Thread-safe.
 */
public final class Persistence {
  private final MqttStore store;
  private final StoreExecutor executor;

  public Persistence(MqttStore store, StoreExecutor executor) {
    this.store = store;
    this.executor = executor;
  }

  Future<Void> saveSession(SessionRecord s) {
    return run(s.clientId(), () -> store.saveSession(s));
  }

  Future<Void> deleteSession(String clientId) {
    return run(clientId, () -> store.deleteSession(clientId));
  }

  Future<Void> saveSubscription(Subscription s) {
    return run(s.clientId(), () -> store.saveSubscription(s));
  }

  Future<Void> deleteSubscription(String clientId, String fullFilter) {
    return run(clientId, () -> store.deleteSubscription(clientId, fullFilter));
  }

  Future<Void> savePublish(String topic, Message retained, List<QueuedMessage> queued, InboundQos2 received) {
    return run("topic:" + topic, () -> store.savePublish(retained, queued, received));
  }

  Future<Void> saveGatewayFilter(GatewayFilter f) {
    return run(f.clientId(), () -> store.saveGatewayFilter(f));
  }

  Future<Void> deleteGatewayFilter(String clientId, String filter) {
    return run(clientId, () -> store.deleteGatewayFilter(clientId, filter));
  }

  Future<Void> saveWill(String clientId, Will will) {
    return run(clientId, () -> store.saveWill(clientId, will));
  }

  Future<Void> deleteWill(String clientId, Will will) {
    return run(clientId, () -> store.deleteWill(clientId, will.nonce()));
  }

  Future<Void> deleteInboundQos2(InboundQos2 released) {
    return run(released.clientId(), () -> store.deleteInboundQos2(released));
  }

  Future<Void> saveQueued(QueuedMessage q) {
    return run(q.clientId(), () -> store.saveQueued(q));
  }

  Future<Void> deleteQueued(String clientId, long seq) {
    return run(clientId, () -> store.deleteQueued(clientId, seq));
  }

  private Future<Void> run(Object key, Runnable r) {
    return executor.submit(key, () -> {
      r.run();
      return null;
    });
  }
}

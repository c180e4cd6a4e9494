package io.thingtank.mqtt.broker;

import io.thingtank.core.Clock;
import io.thingtank.mqtt.store.GatewayFilter;
import io.thingtank.mqtt.store.InboundQos2;
import io.thingtank.mqtt.store.MqttStore;
import io.thingtank.mqtt.store.QueuedMessage;
import io.thingtank.mqtt.store.SessionRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes application messages to sessions (MQTT 5 §4.5, §4.7, §4.8) and owns the broker-wide
 * state: sessions by client id, the subscription tree and retained messages. A QoS 1/2
 * publication is written to the store (retained change + queue entries of persistent sessions)
 * before it is delivered and before the publisher gets its PUBACK/PUBREC. Any event loop may
 * call it. Thread-safe.
 */
public final class Broker {
  private static final Logger LOG = LoggerFactory.getLogger(Broker.class);
  /** Session expiry interval meaning "never" (MQTT 5 §3.1.2.11.2). */
  public static final long NEVER = 0xFFFFFFFFL;

  private final Vertx vertx;
  private final Clock clock;
  private final Persistence persistence;
  private final int maxQueued;
  private final SubscriptionTree tree = new SubscriptionTree();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Message> retained = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> shareCursors = new ConcurrentHashMap<>();
  private final List<Consumer<Message>> observers = new CopyOnWriteArrayList<>();
  private final BrokerStats stats = new BrokerStats();

  public Broker(Vertx vertx, Clock clock, Persistence persistence, int maxQueued) {
    this.vertx = vertx;
    this.clock = clock;
    this.persistence = persistence;
    this.maxQueued = maxQueued;
  }

  public Clock clock() { return clock; }

  public BrokerStats stats() { return stats; }

  /** Counts sessions (connected and kept while disconnected), subscriptions and retained messages. */
  public BrokerStats.Census census() {
    int connected = 0, disconnected = 0, subscriptions = 0;
    for (Session s : sessions.values()) {
      if (s.online()) connected++;
      else disconnected++;
      subscriptions += s.subscriptions.size() + s.gatewayFilters.size();
    }
    return new BrokerStats.Census(connected, disconnected, subscriptions, retained.size());
  }

  /** Called with every message published by an MQTT client (not with bridged ones). */
  public void observe(Consumer<Message> observer) { observers.add(observer); }

  /** A session and whether it existed before (CONNACK Session Present, §3.2.2.1.1). */
  public record Opened(Session session, boolean present) {}

  /**
   * Starts or resumes the session of {@code clientId} (§3.1.2.4 Clean Start). A resumed
   * session cancels its expiry and any delayed will (§3.1.3.2.2).
   */
  public Opened open(String clientId, boolean cleanStart, long expirySeconds, int version) {
    boolean[] present = {false};
    Session s = sessions.compute(clientId, (id, old) -> {
      if (old != null) {
        cancelTimers(old);
        if (old.pendingWill != null) persistence.deleteWill(id, old.pendingWill); // §3.1.3.2.2: resumed in time
        old.pendingWill = null;
        if (!cleanStart) {
          present[0] = true;
          return old;
        }
        old.kick(0x8E);
        end(old, false);
      }
      return new Session(id, expirySeconds, version, persistence, clock, maxQueued);
    });
    boolean wasPersistent = s.persistent();
    s.expirySeconds(expirySeconds);
    s.protocolVersion(version);
    if (s.persistent()) {
      persistence.saveSession(new SessionRecord(clientId, version, expirySeconds, 0));
      if (!wasPersistent) {
        for (Subscription sub : s.subscriptions.values()) persistence.saveSubscription(sub);
        s.gatewayFilters.forEach((f, qos) -> persistence.saveGatewayFilter(new GatewayFilter(clientId, f, qos)));
      }
    } else if (wasPersistent) {
      persistence.deleteSession(clientId);
    }
    return new Opened(s, present[0]);
  }

  /**
   * The connection {@code outlet} of {@code s} ended. A session with expiry 0 ends now; a
   * persistent one is kept until its expiry interval passes (§4.1).
   */
  public void disconnected(Session s, Outlet outlet) {
    if (!s.detach(outlet)) return; // taken over by a newer connection
    if (!s.persistent()) {
      if (sessions.remove(s.clientId(), s)) end(s, true);
      return;
    }
    persistence.saveSession(new SessionRecord(s.clientId(), s.protocolVersion(), s.expirySeconds(), clock.millis()));
    scheduleExpiry(s, s.expirySeconds() * 1000);
  }

  private void scheduleExpiry(Session s, long delayMillis) {
    if (s.expirySeconds() == NEVER) return;
    synchronized (s) {
      s.expiryTimer = vertx.setTimer(Math.max(1, delayMillis), t -> {
        if (!s.online() && sessions.remove(s.clientId(), s)) end(s, true);
      });
    }
  }

  /**
   * Publishes {@code will} after {@code delaySeconds} unless the session resumes first; sent at
   * the latest when the session ends (§3.1.2.5, §3.1.3.2.2).
   */
  public void scheduleWill(Session s, Will will) {
    if (will.delaySeconds() <= 0) {
      publishWill(s.clientId(), will);
      return;
    }
    synchronized (s) {
      s.pendingWill = will;
      long delay = Math.min(will.delaySeconds(), s.persistent() ? s.expirySeconds() : will.delaySeconds()) * 1000;
      s.willTimer = vertx.setTimer(Math.max(1, delay), t -> fireWill(s));
    }
  }

  /** Stores the will of a new connection; CONNACK waits for it so a crash right after still sends it. */
  public Future<Void> registerWill(String clientId, Will will) { return persistence.saveWill(clientId, will); }

  /** The connection ended normally (§3.14.4): its will is not sent. */
  public void discardWill(String clientId, Will will) { persistence.deleteWill(clientId, will); }

  private void publishWill(String clientId, Will will) {
    publish(will.message(), false).onComplete(ar -> persistence.deleteWill(clientId, will));
  }

  private void fireWill(Session s) {
    Will will;
    synchronized (s) {
      will = s.pendingWill;
      s.pendingWill = null;
      s.willTimer = -1;
    }
    if (will != null) publishWill(s.clientId(), will);
  }

  private void cancelTimers(Session s) {
    synchronized (s) {
      if (s.expiryTimer >= 0) vertx.cancelTimer(s.expiryTimer);
      if (s.willTimer >= 0) vertx.cancelTimer(s.willTimer);
      s.expiryTimer = -1;
      s.willTimer = -1;
    }
  }

  /** Ends a session: unsubscribes everything, drops its store state, sends a delayed will now. */
  private void end(Session s, boolean sendWill) {
    cancelTimers(s);
    for (Subscription sub : s.subscriptions.values()) tree.remove(sub.clientId(), sub.filter(), sub.shareGroup());
    if (s.persistent()) persistence.deleteSession(s.clientId());
    s.clear();
    if (sendWill) fireWill(s);
  }

  /**
   * Disconnects every client with 0x8B Server shutting down (MQTT 5 §3.14.2.1); sessions stay
   * in the store. Completes when the connections are closed.
   */
  public Future<Void> shutdown() {
    List<Future<Void>> closed = new ArrayList<>();
    for (Session s : sessions.values()) closed.add(s.kick(0x8B));
    return Future.join(closed).mapEmpty();
  }

  /** Adds or replaces a subscription; completes with whether one with that filter existed. */
  public Future<Boolean> subscribe(Session s, Subscription sub) {
    boolean existed = s.subscriptions.put(sub.fullFilter(), sub) != null;
    tree.add(sub);
    if (!s.persistent()) return Future.succeededFuture(existed);
    return persistence.saveSubscription(sub).map(existed);
  }

  /** Removes a subscription; completes with whether it existed. */
  public Future<Boolean> unsubscribe(Session s, String fullFilter) {
    Subscription sub = s.subscriptions.remove(fullFilter);
    if (sub == null) return Future.succeededFuture(false);
    tree.remove(sub.clientId(), sub.filter(), sub.shareGroup());
    if (!s.persistent()) return Future.succeededFuture(true);
    return persistence.deleteSubscription(s.clientId(), fullFilter).map(true);
  }

  /** A filter the session's gateway granted: kept with the session so a resumed session reopens it. */
  public Future<Void> rememberGatewayFilter(Session s, String filter, int qos) {
    s.gatewayFilters.put(filter, qos);
    return s.persistent() ? persistence.saveGatewayFilter(new GatewayFilter(s.clientId(), filter, qos))
        : Future.succeededFuture();
  }

  public Future<Void> forgetGatewayFilter(Session s, String filter) {
    boolean had = s.gatewayFilters.remove(filter) != null;
    return had && s.persistent() ? persistence.deleteGatewayFilter(s.clientId(), filter) : Future.succeededFuture();
  }

  /** Sends the retained messages matching a new subscription (§3.3.1.3); never for shared ones. */
  public void sendRetained(Session s, Subscription sub) {
    if (sub.shareGroup() != null) return;
    long now = clock.millis();
    for (Message m : retained.values()) {
      if (m.expired(now)) {
        retained.remove(m.topic(), m);
        continue;
      }
      if (!Topics.matches(sub.filter(), m.topic())) continue;
      int qos = Math.min(m.qos(), sub.qos());
      long seq = qos == 0 ? 0 : s.allocate();
      if (seq < 0) continue;
      List<Integer> ids = sub.identifier() > 0 ? List.of(sub.identifier()) : List.of();
      QueuedMessage q = new QueuedMessage(s.clientId(), seq, m, qos, true, ids, false);
      if (qos > 0 && s.persistent()) persistence.saveQueued(q).onSuccess(v -> s.deliver(q));
      else s.deliver(q);
    }
  }

  /**
   * Sends {@code m} to one session only, outside the topic tree: what a
   * {@link io.thingtank.mqtt.auth.ClientGateway} addresses to its own client. QoS 1/2 messages
   * of a persistent session are queued durably first, like retained ones.
   */
  public void deliverTo(Session s, Message m) {
    long seq = m.qos() == 0 ? 0 : s.allocate();
    if (seq < 0) return;
    QueuedMessage q = new QueuedMessage(s.clientId(), seq, m, m.qos(), false, List.of(), false);
    if (m.qos() > 0 && s.persistent()) persistence.saveQueued(q).onSuccess(v -> s.deliver(q));
    else s.deliver(q);
  }

  /**
   * Routes one message. Completes once it is durable (retained change and queue entries of
   * persistent sessions written) and handed to every matching session.
   *
   * @param bridged true for messages that came from the WAMP bridge (not echoed back to it)
   */
  public Future<Void> publish(Message m, boolean bridged) { return publish(m, bridged, null); }

  /**
   * Routes a QoS 2 message from {@code publisher} and, if its session is persistent, stores the
   * packet id as awaiting PUBREL in the same write (MQTT 5 §4.3.3).
   */
  public Future<Void> publishQos2(Message m, Session publisher, int packetId) {
    return publish(m, false, publisher.persistent() ? new InboundQos2(publisher.clientId(), packetId) : null);
  }

  private Future<Void> publish(Message m, boolean bridged, InboundQos2 received) {
    Message retainedChange = null;
    if (m.retain()) {
      // §3.3.1.3: a retained message with an empty payload clears the topic and is not stored
      if (m.payload().length == 0) retained.remove(m.topic());
      else retained.put(m.topic(), m);
      retainedChange = m;
    }
    List<QueuedMessage> deliveries = route(m);
    List<QueuedMessage> durable = new ArrayList<>();
    for (QueuedMessage q : deliveries) {
      if (q.qos() > 0 && sessions.get(q.clientId()) instanceof Session s && s.persistent()) durable.add(q);
    }
    Future<Void> stored = retainedChange == null && durable.isEmpty() && received == null
        ? Future.succeededFuture()
        : persistence.savePublish(m.topic(), retainedChange, durable, received);
    return stored.map(v -> {
      for (QueuedMessage q : deliveries) {
        Session s = sessions.get(q.clientId());
        if (s != null) s.deliver(q);
      }
      if (!bridged) {
        for (Consumer<Message> o : observers) {
          try {
            o.accept(m);
          } catch (RuntimeException e) {
            LOG.warn("message observer failed", e);
          }
        }
      }
      return null;
    });
  }

  /** One delivery per session (overlapping subscriptions merged, §3.3.4) plus one per share group. */
  private List<QueuedMessage> route(Message m) {
    Map<String, List<Subscription>> bySession = new LinkedHashMap<>();
    List<Subscription> shared = new ArrayList<>();
    tree.match(m.topic(), sub -> {
      // §3.8.3.1 No Local: not to the connection that published it
      if (sub.noLocal() && sub.clientId().equals(m.origin())) return;
      bySession.computeIfAbsent(sub.clientId(), k -> new ArrayList<>(2)).add(sub);
    }, members -> {
      Subscription pick = pickMember(members);
      if (pick != null) shared.add(pick);
    });
    List<QueuedMessage> out = new ArrayList<>(bySession.size() + shared.size());
    for (var e : bySession.entrySet()) {
      int qos = 0;
      boolean retainFlag = false;
      for (Subscription sub : e.getValue()) {
        qos = Math.max(qos, Math.min(m.qos(), sub.qos()));
        retainFlag |= sub.retainAsPublished() && m.retain();
      }
      add(out, e.getKey(), m, qos, retainFlag, Session.ids(e.getValue()));
    }
    for (Subscription sub : shared) {
      add(out, sub.clientId(), m, Math.min(m.qos(), sub.qos()), sub.retainAsPublished() && m.retain(),
          Session.ids(List.of(sub)));
    }
    return out;
  }

  private void add(List<QueuedMessage> out, String clientId, Message m, int qos, boolean retain, List<Integer> ids) {
    Session s = sessions.get(clientId);
    if (s == null) return;
    long seq = 0;
    if (qos > 0) {
      // an offline non-persistent session cannot exist; an offline persistent one queues
      seq = s.allocate();
      if (seq < 0) {
        LOG.debug("queue of {} is full; message on {} dropped", clientId, m.topic());
        return;
      }
    } else if (!s.online()) {
      return; // QoS 0 is not queued for offline sessions
    }
    out.add(new QueuedMessage(clientId, seq, m, qos, retain, ids, false));
  }

  /** Round robin over the group, preferring members that are connected (§4.8.2). */
  private Subscription pickMember(List<Subscription> members) {
    members.sort((a, b) -> a.clientId().compareTo(b.clientId()));
    String key = members.get(0).shareGroup() + "/" + members.get(0).filter();
    int start = Math.floorMod(shareCursors.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement(),
        members.size());
    for (int i = 0; i < members.size(); i++) {
      Subscription sub = members.get((start + i) % members.size());
      Session s = sessions.get(sub.clientId());
      if (s != null && s.online()) return sub;
    }
    Subscription any = members.get(start);
    Session s = sessions.get(any.clientId());
    return s != null && s.persistent() ? any : null;
  }

  /** Loads the durable state at start: sessions (expired ones dropped), subscriptions, queues, retained. */
  public void recover(MqttStore.Snapshot snap) {
    long now = clock.millis();
    Map<String, Session> restored = new HashMap<>();
    for (SessionRecord r : snap.sessions()) {
      long since = r.disconnectedAt() == 0 ? now : r.disconnectedAt();
      long left = r.expirySeconds() == NEVER ? Long.MAX_VALUE : since + r.expirySeconds() * 1000 - now;
      if (left <= 0) {
        persistence.deleteSession(r.clientId());
        continue;
      }
      Session s = new Session(r.clientId(), r.expirySeconds(), r.protocolVersion(), persistence, clock, maxQueued);
      sessions.put(r.clientId(), s);
      restored.put(r.clientId(), s);
      if (r.expirySeconds() != NEVER) scheduleExpiry(s, left);
    }
    for (Subscription sub : snap.subscriptions()) {
      Session s = restored.get(sub.clientId());
      if (s == null) continue;
      s.subscriptions.put(sub.fullFilter(), sub);
      tree.add(sub);
    }
    for (GatewayFilter f : snap.gatewayFilters()) {
      Session s = restored.get(f.clientId());
      if (s != null) s.gatewayFilters.put(f.filter(), f.qos());
    }
    for (QueuedMessage q : snap.queued()) {
      Session s = restored.get(q.clientId());
      if (s != null) s.restore(q);
    }
    for (InboundQos2 q : snap.inboundQos2()) {
      Session s = restored.get(q.clientId());
      if (s != null) s.acceptInboundQos2(q.packetId());
    }
    for (Message m : snap.retained()) if (!m.expired(now)) retained.put(m.topic(), m);
    // wills of connections that were alive when the broker stopped: their connections are gone
    for (var e : snap.wills().entrySet()) {
      Session s = restored.get(e.getKey());
      Will w = e.getValue();
      if (s != null) scheduleWill(s, w);
      else if (w.delaySeconds() <= 0) publishWill(e.getKey(), w);
      else vertx.setTimer(w.delaySeconds() * 1000, t -> publishWill(e.getKey(), w));
    }
    LOG.info("MQTT state recovered: {} sessions, {} subscriptions, {} queued, {} retained",
        restored.size(), snap.subscriptions().size(), snap.queued().size(), retained.size());
  }
}

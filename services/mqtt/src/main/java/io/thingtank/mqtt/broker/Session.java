package io.thingtank.mqtt.broker;

import io.thingtank.core.Clock;
import io.thingtank.mqtt.store.InboundQos2;
import io.thingtank.mqtt.store.QueuedMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server side of an MQTT session (MQTT 5 §4.1): subscriptions, QoS 1/2 messages queued
 * or in flight towards the client, and QoS 2 packet ids received but not yet released.
 * Outbound flow control follows the client's Receive Maximum (§4.9): at most that many
 * unacknowledged PUBLISH packets, the rest wait in order. State changes hold the session's
 * monitor, since publishers on any event loop deliver into it. Thread-safe.
 */
public final class Session {
  private final String clientId;
  private final Persistence persistence;
  private final Clock clock;
  private final int maxQueued;
  final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  /** Filters granted by the connection's gateway (SkyNet devices) and their QoS, outside the topic tree. */
  final Map<String, Integer> gatewayFilters = new ConcurrentHashMap<>();
  private final ArrayDeque<QueuedMessage> pending = new ArrayDeque<>();
  private final LinkedHashMap<Integer, QueuedMessage> inflight = new LinkedHashMap<>();
  private final Set<Integer> inboundQos2 = new HashSet<>();
  private volatile long expirySeconds;
  private volatile int protocolVersion;
  private Outlet outlet;
  private int receiveMaximum = 65535;
  private long nextSeq;
  long expiryTimer = -1;
  long willTimer = -1;
  Will pendingWill;

  Session(String clientId, long expirySeconds, int protocolVersion, Persistence persistence, Clock clock,
      int maxQueued) {
    this.clientId = clientId;
    this.expirySeconds = expirySeconds;
    this.protocolVersion = protocolVersion;
    this.persistence = persistence;
    this.clock = clock;
    this.maxQueued = maxQueued;
  }

  public String clientId() { return clientId; }

  public long expirySeconds() { return expirySeconds; }

  void expirySeconds(long s) { expirySeconds = s; }

  public int protocolVersion() { return protocolVersion; }

  void protocolVersion(int v) { protocolVersion = v; }

  /** Survives the network connection: state is kept in the store (session expiry > 0). */
  public boolean persistent() { return expirySeconds > 0; }

  public synchronized boolean online() { return outlet != null; }

  public Map<String, Subscription> subscriptions() { return subscriptions; }

  /** What the gateway of this session's client granted: filter to QoS (empty for non-gateway clients). */
  public Map<String, Integer> gatewayFilters() { return Map.copyOf(gatewayFilters); }

  /** Takes the next queue position, or -1 if the queue is full (the message is dropped). */
  synchronized long allocate() {
    if (pending.size() + inflight.size() >= maxQueued) return -1;
    return nextSeq++;
  }

  /** Restores a queue entry from the store at start, in seq order. */
  synchronized void restore(QueuedMessage q) {
    nextSeq = Math.max(nextSeq, q.seq() + 1);
    if (q.released()) inflight.put(q.packetId(), q);
    else pending.add(q);
  }

  /** Delivers one message: QoS 0 now or never, QoS 1/2 now if the window allows, else queued. */
  synchronized void deliver(QueuedMessage q) {
    if (q.qos() == 0) {
      if (outlet != null && !q.message().expired(clock.millis())) outlet.publish(q, false);
      return;
    }
    pending.add(q);
    drain();
  }

  /** Attaches a new connection: resends what is in flight (§4.4), then sends what waits. */
  public synchronized void attach(Outlet o, int receiveMax) {
    if (outlet != null && outlet != o) outlet.kick(0x8E);
    outlet = o;
    receiveMaximum = receiveMax;
    for (QueuedMessage q : new ArrayList<>(inflight.values())) {
      if (q.released()) o.pubrel(q.packetId());
      else o.publish(q, true);
    }
    drain();
  }

  /** Disconnects the attached connection, if any (session taken over, §3.1.4). */
  synchronized io.vertx.core.Future<Void> kick(int reasonCode) {
    io.vertx.core.Future<Void> closed = outlet == null ? io.vertx.core.Future.succeededFuture() : outlet.kick(reasonCode);
    outlet = null;
    return closed;
  }

  /** Detaches {@code o} if it is still the session's connection; queued state stays. */
  public synchronized boolean detach(Outlet o) {
    if (outlet != o) return false;
    outlet = null;
    return true;
  }

  /** PUBACK (QoS 1) or PUBCOMP (QoS 2) arrived: the delivery is complete. */
  public synchronized boolean complete(int packetId) {
    QueuedMessage q = inflight.remove(packetId);
    if (q == null) return false;
    if (persistent()) persistence.deleteQueued(clientId, q.seq());
    drain();
    return true;
  }

  /** PUBREC arrived (§4.3.3): remember it and answer PUBREL; false if the id is unknown. */
  public synchronized boolean received(int packetId, boolean failed) {
    QueuedMessage q = inflight.get(packetId);
    if (q == null || q.qos() != 2) return false;
    if (failed) return complete(packetId);
    QueuedMessage released = q.asReleased();
    inflight.put(packetId, released);
    if (persistent()) persistence.saveQueued(released);
    if (outlet != null) outlet.pubrel(packetId);
    return true;
  }

  /** Inbound QoS 2 (§4.3.3 method B): true if the packet id is new, i.e. the message must be routed. */
  public synchronized boolean acceptInboundQos2(int packetId) { return inboundQos2.add(packetId); }

  /** PUBREL arrived for an inbound QoS 2 message; false if the id was unknown. */
  public synchronized boolean releaseInboundQos2(int packetId) {
    boolean known = inboundQos2.remove(packetId);
    if (known && persistent()) persistence.deleteInboundQos2(new InboundQos2(clientId, packetId));
    return known;
  }

  /** Drops everything queued (clean start or expiry). */
  synchronized void clear() {
    pending.clear();
    inflight.clear();
    inboundQos2.clear();
    subscriptions.clear();
    gatewayFilters.clear();
  }

  private void drain() {
    while (outlet != null && inflight.size() < receiveMaximum && !pending.isEmpty()) {
      QueuedMessage q = pending.peek();
      if (q.message().expired(clock.millis())) {
        pending.poll();
        if (persistent()) persistence.deleteQueued(clientId, q.seq());
        continue;
      }
      if (inflight.containsKey(q.packetId())) return; // id still in use by an old delivery
      pending.poll();
      inflight.put(q.packetId(), q);
      if (!outlet.publish(q, false)) {
        // §3.1.2.24: too large for the client; discarded as if delivered
        inflight.remove(q.packetId());
        if (persistent()) persistence.deleteQueued(clientId, q.seq());
      }
    }
  }

  static List<Integer> ids(List<Subscription> subs) {
    List<Integer> out = new ArrayList<>();
    for (Subscription s : subs) if (s.identifier() > 0) out.add(s.identifier());
    return out;
  }
}

package io.thingtank.wamp.bus;

import io.thingtank.core.bus.BusCallException;
import io.thingtank.core.bus.BusEvent;
import io.thingtank.core.bus.BusResult;
import io.thingtank.wamp.message.Message;
import io.thingtank.wamp.router.Peer;
import io.thingtank.wamp.router.Realm;
import io.thingtank.wamp.router.Session;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An in-process WAMP session of one {@code BusPrincipal}: sends requests into its realm as
 * messages and turns the router's answers into completed futures and Java callbacks (no
 * serialization). Confined to the realm's thread.
 */
final class LocalSession implements Peer {
  private static final Map<String, Object> ALL_FEATURES = Map.of("features", Map.of(
      "call_canceling", true, "progressive_call_results", true, "publisher_exclusion", true,
      "pattern_based_subscription", true, "pattern_based_registration", true, "shared_registration", true));
  static final Map<String, Object> CLIENT_ROLES = Map.of("publisher", ALL_FEATURES, "subscriber", ALL_FEATURES,
      "caller", ALL_FEATURES, "callee", ALL_FEATURES);

  private final Realm realm;
  Session session;
  private long nextRequest;
  private final Map<Long, Promise<Message>> pending = new HashMap<>();
  private final Map<Long, List<Consumer<BusEvent>>> subscribers = new HashMap<>();
  private final Map<Long, Function<BusEvent, Future<BusResult>>> procedures = new HashMap<>();

  LocalSession(Realm realm) { this.realm = realm; }

  /** Sends a request built for a fresh request id; completes with the router's answer or fails on ERROR. */
  Future<Message> request(java.util.function.LongFunction<Message> build) {
    long id = ++nextRequest;
    Promise<Message> p = Promise.promise();
    pending.put(id, p);
    realm.handle(session, build.apply(id));
    return p.future();
  }

  void addSubscriber(long subscription, Consumer<BusEvent> handler) {
    subscribers.computeIfAbsent(subscription, k -> new ArrayList<>()).add(handler);
  }

  /** True when the last handler of the subscription went away. */
  boolean removeSubscriber(long subscription, Consumer<BusEvent> handler) {
    List<Consumer<BusEvent>> l = subscribers.get(subscription);
    if (l == null) return false;
    l.remove(handler);
    if (!l.isEmpty()) return false;
    subscribers.remove(subscription);
    return true;
  }

  void addProcedure(long registration, Function<BusEvent, Future<BusResult>> f) { procedures.put(registration, f); }

  void removeProcedure(long registration) { procedures.remove(registration); }

  @Override public io.thingtank.wamp.wire.Encoding encoding() { return null; }

  @Override
  public boolean send(Message m) {
    switch (m) {
      case Message.Event e -> {
        List<Consumer<BusEvent>> l = subscribers.get(e.subscription());
        if (l == null) return true;
        Object topic = e.details().get("topic");
        BusEvent ev = new BusEvent(topic instanceof String t ? t : null, e.args(), e.kwargs(),
            (String) e.details().get("publisher_authid"));
        for (Consumer<BusEvent> c : List.copyOf(l)) c.accept(ev);
      }
      case Message.Invocation inv -> invoke(inv);
      case Message.Interrupt i -> { }
      case Message.Error err -> complete(err.request(), null,
          new BusCallException(err.error(), err.args(), err.kwargs()));
      case Message.Published p -> complete(p.request(), p, null);
      case Message.Subscribed s -> complete(s.request(), s, null);
      case Message.Unsubscribed u -> complete(u.request(), u, null);
      case Message.Registered r -> complete(r.request(), r, null);
      case Message.Unregistered u -> complete(u.request(), u, null);
      case Message.Result r -> {
        if (!Boolean.TRUE.equals(r.details().get("progress"))) complete(r.request(), r, null);
      }
      default -> { }
    }
    return true;
  }

  private void invoke(Message.Invocation inv) {
    Function<BusEvent, Future<BusResult>> f = procedures.get(inv.registration());
    Object proc = inv.details().get("procedure");
    BusEvent ev = new BusEvent(proc instanceof String p ? p : null, inv.args(), inv.kwargs(),
        (String) inv.details().get("caller_authid"));
    Future<BusResult> result;
    try {
      result = f == null ? Future.failedFuture(new BusCallException("wamp.error.no_such_registration", null, null))
          : f.apply(ev);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(ar -> realm.execute(() -> {
      if (ar.succeeded()) {
        BusResult r = ar.result() == null ? new BusResult(List.of(), Map.of()) : ar.result();
        realm.handle(session, new Message.Yield(inv.request(), Map.of(), nonNull(r.args()), nonNull(r.kwargs())));
      } else if (ar.cause() instanceof BusCallException b) {
        realm.handle(session, new Message.Error(Message.INVOCATION, inv.request(), Map.of(), b.errorUri(),
            b.args(), b.kwargs()));
      } else {
        realm.handle(session, new Message.Error(Message.INVOCATION, inv.request(), Map.of(),
            "wamp.error.runtime_error", List.of(String.valueOf(ar.cause().getMessage())), Map.of()));
      }
    }));
  }

  private void complete(long request, Message m, Throwable err) {
    Promise<Message> p = pending.remove(request);
    if (p == null) return;
    if (err != null) p.fail(err);
    else p.complete(m);
  }

  static List<Object> nonNull(List<Object> l) { return l == null ? List.of() : l; }

  static Map<String, Object> nonNull(Map<String, Object> m) { return m == null ? Map.of() : m; }

  @Override
  public boolean sendEncoded(io.thingtank.wamp.wire.Encoded message) {
    throw new IllegalStateException("in-process peers take messages");
  }

  /** Killed through the meta API: requests in flight fail; the bus opens a new session next time. */
  @Override
  public void sessionClosedByRouter(Message goodbye) {
    String reason = goodbye instanceof Message.Goodbye g ? g.reason() : "wamp.close.killed";
    for (Promise<Message> p : List.copyOf(pending.values())) p.tryFail(new BusCallException(reason, null, null));
    pending.clear();
  }

  @Override public Map<String, Object> transportDetails() { return Map.of("type", "in-process"); }
}

package io.thingtank.wamp.router;

import io.thingtank.core.bus.BusResult;
import io.thingtank.wamp.message.WampUris;
import io.thingtank.wamp.store.StoredEvent;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The router's own procedures (WAMP §14.5.1, §14.4.5, §14.3.7 meta APIs; §14.4.8 event history; §14.4.11 testament): {@code wamp.session.*} (count, list, get,
 * kill, kill_by_authid, kill_by_authrole, add_testament, flush_testaments),
 * {@code wamp.subscription.*} (list, lookup, match, get, list_subscribers, count_subscribers,
 * remove_subscriber, get_events) and {@code wamp.registration.*} (list, lookup, match, get,
 * list_callees, count_callees, remove_callee). Runs on the realm's thread.
 */
final class MetaApi {
  private final Realm realm;
  private final Broker broker;
  private final Dealer dealer;

  MetaApi(Realm realm, Broker broker, Dealer dealer) {
    this.realm = realm;
    this.broker = broker;
    this.dealer = dealer;
  }

  boolean handles(String procedure) {
    return procedure.startsWith("wamp.session.") || procedure.startsWith("wamp.subscription.")
        || procedure.startsWith("wamp.registration.");
  }

  Future<BusResult> call(Session caller, String procedure, List<Object> args, Map<String, Object> kwargs) {
    try {
      return Future.succeededFuture(result(dispatch(caller, procedure, args, kwargs)));
    } catch (WampException e) {
      return Future.failedFuture(e);
    }
  }

  private static BusResult result(Object value) {
    List<Object> args = new ArrayList<>(1);
    args.add(value);
    return new BusResult(args, Map.of());
  }

  private Object dispatch(Session caller, String p, List<Object> a, Map<String, Object> kw) {
    return switch (p) {
      case "wamp.session.count" -> sessions(a).size();
      case "wamp.session.list" -> sessions(a).stream().map(Session::id).toList();
      case "wamp.session.get" -> session(a, 0).details();
      case "wamp.session.kill" -> {
        Session s = session(a, 0);
        if (s == caller) throw new WampException(WampUris.INVALID_ARGUMENT, "a session cannot kill itself");
        realm.kill(s, str(kw.get("reason")), str(kw.get("message")));
        yield null;
      }
      case "wamp.session.kill_by_authid", "wamp.session.kill_by_authrole" -> {
        String key = str(arg(a, 0));
        boolean byRole = p.endsWith("authrole");
        List<Long> killed = new ArrayList<>();
        for (Session s : realm.sessionList()) {
          if (s != caller && key != null && key.equals(byRole ? s.authrole() : s.authid())) {
            killed.add(s.id());
            realm.kill(s, str(kw.get("reason")), str(kw.get("message")));
          }
        }
        yield byRole ? (Object) killed.size() : killed;
      }
      case "wamp.session.add_testament" -> {
        String topic = str(arg(a, 0));
        realm.checkUri(topic, "exact");
        realm.authorize(caller, topic, io.thingtank.wamp.auth.Action.PUBLISH);
        Map<String, Object> opts = map(arg(a, 3));
        caller.testaments.add(new Testament(topic, list(arg(a, 1)), map(arg(a, 2)), opts,
            String.valueOf(opts.getOrDefault("scope", "destroyed"))));
        yield null;
      }
      case "wamp.session.flush_testaments" -> {
        int n = caller.testaments.size();
        caller.testaments.clear();
        yield n;
      }
      case "wamp.subscription.list" -> listing(broker.index.all("exact"), broker.index.all("prefix"),
          broker.index.all("wildcard"), s -> s.id);
      case "wamp.subscription.lookup" -> {
        Subscription s = broker.index.get(str(arg(a, 0)), matchOption(a));
        yield s == null ? null : s.id;
      }
      case "wamp.subscription.match" -> {
        List<Long> ids = broker.matching(str(arg(a, 0)));
        yield ids.isEmpty() ? null : ids;
      }
      case "wamp.subscription.get" -> subscription(a).details();
      case "wamp.subscription.list_subscribers" -> subscription(a).subscribers.stream().map(Session::id).toList();
      case "wamp.subscription.count_subscribers" -> subscription(a).subscribers.size();
      case "wamp.subscription.remove_subscriber" -> {
        Subscription sub = subscription(a);
        Session s = session(a, 1);
        if (!sub.subscribers.contains(s)) throw new WampException(WampUris.NO_SUCH_SESSION, "not a subscriber");
        broker.revoke(s, sub, str(kw.get("reason")));
        yield null;
      }
      case "wamp.subscription.get_events" -> {
        Subscription sub = subscription(a);
        int limit = arg(a, 1) instanceof Number n ? n.intValue() : 10;
        List<StoredEvent> events = broker.history(sub, limit);
        if (events == null) throw new WampException(WampUris.INVALID_ARGUMENT, "no event history kept for this subscription");
        List<Object> out = new ArrayList<>();
        for (StoredEvent e : events) out.add(eventRecord(sub, e));
        yield out;
      }
      case "wamp.registration.list" -> listing(dealer.index.all("exact"), dealer.index.all("prefix"),
          dealer.index.all("wildcard"), r -> r.id);
      case "wamp.registration.lookup" -> {
        Registration r = dealer.index.get(str(arg(a, 0)), matchOption(a));
        yield r == null ? null : r.id;
      }
      case "wamp.registration.match" -> {
        Registration r = dealer.index.best(str(arg(a, 0)));
        yield r == null ? null : r.id;
      }
      case "wamp.registration.get" -> registration(a).details();
      case "wamp.registration.list_callees" -> registration(a).callees.stream().map(Session::id).toList();
      case "wamp.registration.count_callees" -> registration(a).callees.size();
      case "wamp.registration.remove_callee" -> {
        Registration r = registration(a);
        Session s = session(a, 1);
        if (!r.callees.contains(s)) throw new WampException(WampUris.NO_SUCH_SESSION, "not a callee");
        dealer.revoke(s, r, str(kw.get("reason")));
        yield null;
      }
      default -> throw new WampException(WampUris.NO_SUCH_PROCEDURE, "no meta procedure " + p);
    };
  }

  private static Map<String, Object> eventRecord(Subscription sub, StoredEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("timestamp", java.time.Instant.ofEpochMilli(e.timestamp()).toString());
    m.put("subscription", sub.id);
    m.put("publication", e.publication());
    m.put("topic", e.topic());
    m.put("args", e.args());
    m.put("kwargs", e.kwargs());
    return m;
  }

  private static <T> Map<String, Object> listing(Collection<T> exact, Collection<T> prefix, Collection<T> wildcard,
      java.util.function.ToLongFunction<T> id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("exact", exact.stream().map(id::applyAsLong).toList());
    m.put("prefix", prefix.stream().map(id::applyAsLong).toList());
    m.put("wildcard", wildcard.stream().map(id::applyAsLong).toList());
    return m;
  }

  private List<Session> sessions(List<Object> a) {
    List<Session> all = realm.sessionList();
    if (!(arg(a, 0) instanceof Collection<?> roles)) return all;
    return all.stream().filter(s -> roles.contains(s.authrole())).toList();
  }

  private Session session(List<Object> a, int i) {
    Session s = arg(a, i) instanceof Number n ? realm.sessions.get(n.longValue()) : null;
    if (s == null) throw new WampException(WampUris.NO_SUCH_SESSION, "no session " + arg(a, i));
    return s;
  }

  private Subscription subscription(List<Object> a) {
    Subscription s = arg(a, 0) instanceof Number n ? broker.byId.get(n.longValue()) : null;
    if (s == null) throw new WampException(WampUris.NO_SUCH_SUBSCRIPTION, "no subscription " + arg(a, 0));
    return s;
  }

  private Registration registration(List<Object> a) {
    Registration r = arg(a, 0) instanceof Number n ? dealer.byId.get(n.longValue()) : null;
    if (r == null) throw new WampException(WampUris.NO_SUCH_REGISTRATION, "no registration " + arg(a, 0));
    return r;
  }

  private static String matchOption(List<Object> a) {
    return arg(a, 1) instanceof Map<?, ?> m && m.get("match") instanceof String s ? s : "exact";
  }

  private static Object arg(List<Object> a, int i) { return a.size() > i ? a.get(i) : null; }

  private static String str(Object o) { return o instanceof String s ? s : null; }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) { return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(); }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) { return o instanceof List<?> l ? (List<Object>) l : List.of(); }
}

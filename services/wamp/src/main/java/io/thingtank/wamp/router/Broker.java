package io.thingtank.wamp.router;

import io.thingtank.wamp.auth.Action;
import io.thingtank.wamp.auth.Permission;
import io.thingtank.wamp.message.Message;
import io.thingtank.wamp.message.WampUris;
import io.thingtank.wamp.store.StoredEvent;
import io.thingtank.wamp.wire.Encoded;
import io.thingtank.wamp.wire.Encoding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publish/subscribe of one realm (WAMP §9 and the Advanced Profile broker features):
 * subscriptions by exact/prefix/wildcard match, publisher exclusion and identification,
 * black/whitelisting, retained events and history. An EVENT is encoded once per encoding and
 * subscription, and the bytes shared by all its subscribers. Runs on the realm's thread.
 */
final class Broker {
  private final Realm realm;
  final UriIndex<Subscription> index = new UriIndex<>();
  final Map<Long, Subscription> byId = new HashMap<>();
  private final Retention retention;
  final Listeners listeners;

  Broker(Realm realm, Retention retention) {
    this.realm = realm;
    this.retention = retention;
    this.listeners = new Listeners(realm.config().history());
  }

  void publish(Session from, Message.Publish p) {
    Map<String, Object> o = p.options();
    boolean ack = Boolean.TRUE.equals(o.get("acknowledge"));
    try {
      realm.checkUri(p.topic(), "exact");
      Permission rule = realm.authorize(from, p.topic(), Action.PUBLISH);
      if (p.topic().startsWith("wamp.") && !realm.isSystem(from)) {
        throw new WampException(WampUris.INVALID_URI, "topics under 'wamp.' are reserved");
      }
      boolean disclose = Boolean.TRUE.equals(o.get("disclose_me")) || rule.disclosePublisher();
      long pub = realm.newId();
      Map<String, Object> details = eventDetails(from, o, disclose);
      deliver(from, p.topic(), pub, details, p.args(), p.kwargs(), o);
      StoredEvent stored = new StoredEvent(pub, realm.clock().millis(), p.topic(), details, p.args(), p.kwargs());
      if (Boolean.TRUE.equals(o.get("retain"))) retention.retain(stored);
      retention.record(stored);
      if (ack) from.peer().send(new Message.Published(p.request(), pub));
    } catch (WampException e) {
      if (ack) realm.sendError(from, Message.PUBLISH, p.request(), e);
    }
  }

  /** Publishes a router event (meta API, testaments of closed sessions): no authorization, no exclusion. */
  void publishInternal(String topic, List<Object> args, Map<String, Object> kwargs) {
    deliver(null, topic, realm.newId(), Map.of(), args, kwargs, Map.of());
  }

  private static Map<String, Object> eventDetails(Session from, Map<String, Object> o, boolean disclose) {
    Map<String, Object> d = new HashMap<>();
    if (disclose) {
      d.put("publisher", from.id());
      d.put("publisher_authid", from.authid());
      d.put("publisher_authrole", from.authrole());
    }
    PayloadPassthru.copy(o, d);
    return d;
  }

  private void deliver(Session from, String topic, long pub, Map<String, Object> details,
      List<Object> args, Map<String, Object> kwargs, Map<String, Object> o) {
    Audience audience = Audience.of(o);
    boolean excludeMe = !Boolean.FALSE.equals(o.get("exclude_me"));
    index.forEachMatch(topic, sub -> {
      Map<String, Object> d = details;
      if (!"exact".equals(sub.match)) {
        d = new HashMap<>(details);
        d.put("topic", topic);
      }
      Message.Event event = new Message.Event(sub.id, pub, d, args, kwargs);
      Encoded[] cache = new Encoded[Encoding.COUNT];
      for (Session s : sub.subscribers) {
        if (s == from && excludeMe) continue;
        if (!audience.admits(s)) continue;
        send(s, event, cache);
      }
    });
  }

  private static void send(Session s, Message.Event event, Encoded[] cache) {
    Encoding enc = s.peer().encoding();
    if (enc == null) {
      s.peer().send(event);
      return;
    }
    Encoded b = cache[enc.index()];
    if (b == null) b = cache[enc.index()] = new Encoded(enc.encode(event.toWire()));
    s.peer().sendEncoded(b);
  }

  void subscribe(Session s, Message.Subscribe m) {
    String match = String.valueOf(m.options().getOrDefault("match", "exact"));
    try {
      realm.checkUri(m.topic(), match);
      realm.authorize(s, m.topic(), Action.SUBSCRIBE);
      Subscription sub = index.get(m.topic(), match);
      boolean created = sub == null;
      if (created) {
        sub = new Subscription(realm.newId(), m.topic(), match, realm.now());
        index.put(m.topic(), match, sub);
        byId.put(sub.id, sub);
      }
      boolean added = sub.subscribers.add(s);
      if (added) listeners.add(sub.uri, sub.match, s.id());
      s.subscriptions.add(sub);
      s.peer().send(new Message.Subscribed(m.request(), sub.id));
      if (!m.topic().startsWith("wamp.")) {
        if (created) realm.metaEvent("wamp.subscription.on_create", s.id(), sub.details());
        if (added) realm.metaEvent("wamp.subscription.on_subscribe", s.id(), sub.id);
      }
      if (Boolean.TRUE.equals(m.options().get("get_retained"))) sendRetained(s, sub);
    } catch (WampException e) {
      realm.sendError(s, Message.SUBSCRIBE, m.request(), e);
    }
  }

  /** WAMP event retention; also for pattern subscriptions: every retained topic the pattern matches. */
  private void sendRetained(Session s, Subscription sub) {
    for (StoredEvent e : retention.retainedFor(sub.uri, sub.match)) {
      Map<String, Object> d = new HashMap<>(e.details());
      d.put("retained", true);
      if (!"exact".equals(sub.match)) d.put("topic", e.topic());
      s.peer().send(new Message.Event(sub.id, e.publication(), d, e.args(), e.kwargs()));
    }
  }

  void unsubscribe(Session s, Message.Unsubscribe m) {
    Subscription sub = byId.get(m.subscription());
    if (sub == null || !sub.subscribers.contains(s)) {
      realm.sendError(s, Message.UNSUBSCRIBE, m.request(),
          new WampException(WampUris.NO_SUCH_SUBSCRIPTION, "no subscription " + m.subscription()));
      return;
    }
    remove(s, sub);
    s.peer().send(new Message.Unsubscribed(m.request(), Map.of()));
  }

  /** Removes {@code s} from {@code sub}, deleting the subscription when it was the last subscriber. */
  void remove(Session s, Subscription sub) {
    if (sub.subscribers.remove(s)) listeners.remove(sub.uri, sub.match, s.id());
    s.subscriptions.remove(sub);
    boolean meta = !sub.uri.startsWith("wamp.");
    if (meta) realm.metaEvent("wamp.subscription.on_unsubscribe", s.id(), sub.id);
    if (sub.subscribers.isEmpty()) {
      index.remove(sub.uri, sub.match);
      byId.remove(sub.id);
      if (meta) realm.metaEvent("wamp.subscription.on_delete", s.id(), sub.id);
    }
  }

  /** WAMP subscription revocation: the router removes a subscriber and tells it (UNSUBSCRIBED with request 0). */
  void revoke(Session s, Subscription sub, String reason) {
    remove(s, sub);
    Map<String, Object> d = new HashMap<>();
    d.put("subscription", sub.id);
    if (reason != null) d.put("reason", reason);
    s.peer().send(new Message.Unsubscribed(0, d));
  }

  void leave(Session s) {
    for (Subscription sub : new ArrayList<>(s.subscriptions)) remove(s, sub);
  }

  List<Long> matching(String topic) {
    List<Long> ids = new ArrayList<>();
    index.forEachMatch(topic, sub -> ids.add(sub.id));
    return ids;
  }

  List<StoredEvent> history(Subscription sub, int limit) { return retention.history(sub.uri, sub.match, limit); }
}

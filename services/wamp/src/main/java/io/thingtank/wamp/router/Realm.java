package io.thingtank.wamp.router;

import io.thingtank.core.Clock;
import io.thingtank.wamp.auth.Action;
import io.thingtank.wamp.auth.Permission;
import io.thingtank.wamp.auth.RealmConfig;
import io.thingtank.wamp.message.Message;
import io.thingtank.wamp.message.MessageParser;
import io.thingtank.wamp.message.ProtocolViolation;
import io.thingtank.wamp.message.WampUris;
import io.thingtank.wamp.store.EventStore;
import io.netty.channel.EventLoop;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One WAMP realm: its sessions, {@link Broker}, {@link Dealer} and {@link MetaApi}. All state
 * is confined to one Vert.x event-loop context (the realm's router context) on the event loop
 * that also serves the WAMP connections (the platform's web loop): connections hand their
 * decoded messages over with {@link #execute}, which then runs them at once, so routing needs
 * no locks, wakes no other thread and keeps each session's message order. Outbound messages
 * go to each peer's queue, flushed once per loop turn. Messages from other threads (the
 * in-process bus, timers elsewhere) are queued to the loop.
 */
public final class Realm {
  private final String name;
  private final RealmConfig config;
  private final Vertx vertx;
  private final ContextInternal context;
  private final Clock clock;
  private final boolean strictUris;
  final Map<Long, Session> sessions = new HashMap<>();
  private final Broker broker;
  private final Dealer dealer;
  private final MetaApi meta;
  private final Retention retention;
  private DynamicAuthorizer dynamicAuthorizer;

  /** A realm whose work runs on {@code loop} (the event loop of its connections, ideally). */
  public Realm(RealmConfig config, Vertx vertx, EventLoop loop, Clock clock, boolean strictUris, EventStore store) {
    this.name = config.name();
    this.config = config;
    this.vertx = vertx;
    this.context = ((VertxInternal) vertx).contextBuilder().withEventLoop(loop).build();
    this.clock = clock;
    this.strictUris = strictUris;
    this.retention = new Retention(name, store, config.history());
    this.broker = new Broker(this, retention);
    this.dealer = new Dealer(this);
    this.meta = new MetaApi(this, broker, dealer);
  }

  /** Sets how roles with an {@code authorizer} procedure are asked; call before serving. */
  public void dynamicAuthorizer(DynamicAuthorizer a) { this.dynamicAuthorizer = a; }

  /** Loads retained events and history; blocking, call once before serving. */
  public void load() { retention.load(); }

  public String name() { return name; }

  public RealmConfig config() { return config; }

  /**
   * Whether an event on {@code topic} would now reach a session other than {@code excluded}
   * (0: none excluded) or an event-history rule. Any thread; a subscription made at the same
   * moment may not be seen yet.
   */
  public boolean reaches(String topic, long excluded) { return broker.listeners.reach(topic, excluded); }

  /** Runs {@code task} on the realm's context (at once when already there). */
  public void execute(Runnable task) { context.execute(task); }

  /** Adds a session and announces it (wamp.session.on_join). Realm thread. */
  public void join(Session s) {
    sessions.put(s.id(), s);
    metaEvent("wamp.session.on_join", s.details());
  }

  /** Removes a session: its subscriptions, registrations and calls; publishes its testaments. Realm thread. */
  public void leave(Session s) {
    if (!s.open()) return;
    s.markClosed();
    sessions.remove(s.id());
    dealer.leave(s);
    broker.leave(s);
    for (Testament t : s.testaments) broker.publishInternal(t.topic(), t.args(), t.kwargs());
    s.testaments.clear();
    metaEvent("wamp.session.on_leave", s.id(), s.authid(), s.authrole());
  }

  /** Ends a session from the router side (meta API kill): GOODBYE to the peer, then leave. */
  void kill(Session s, String reason, String message) {
    Map<String, Object> d = new HashMap<>();
    if (message != null) d.put("message", message);
    s.peer().sessionClosedByRouter(new Message.Goodbye(d, reason == null ? WampUris.CLOSE_KILLED : reason));
    leave(s);
  }

  /**
   * Routes one message of an established session (WAMP §9, §10). Session-level messages
   * (HELLO, GOODBYE, ...) are handled by the connection. Realm thread.
   */
  public void handle(Session s, Message m) {
    if (!s.open()) return;
    if (s.role().authorizer() != null) {
      s.held.addLast(m);
      if (s.held.size() == 1) drainHeld(s);
      return;
    }
    route(s, m);
  }

  /**
   * Dynamic authorization keeps a session's order: messages wait in {@code held} while the
   * authorizer is asked about the head one; decisions are cached for the session.
   */
  private void drainHeld(Session s) {
    while (!s.held.isEmpty() && s.open()) {
      Message m = s.held.peekFirst();
      String[] need = authzKey(s, m);
      if (need != null && !s.authorized.containsKey(need[0] + " " + need[1])) {
        Action action = Action.valueOf(need[0]);
        dynamicAuthorizer.authorize(this, s, s.role().authorizer(), need[1], action).onComplete(ar -> execute(() -> {
          s.authorized.put(need[0] + " " + need[1], ar.succeeded() ? ar.result() : null);
          drainHeld(s);
        }));
        return;
      }
      s.held.pollFirst();
      route(s, m);
    }
  }

  /** The (action, uri) a message needs authorized, or null. */
  private static String[] authzKey(Session s, Message m) {
    return switch (m) {
      case Message.Publish p -> new String[] {"PUBLISH", p.topic()};
      case Message.Subscribe sub -> new String[] {"SUBSCRIBE", sub.topic()};
      case Message.Call c -> s.calls.containsKey(c.request()) ? null : new String[] {"CALL", c.procedure()};
      case Message.Register r -> new String[] {"REGISTER", r.procedure()};
      default -> null;
    };
  }

  private void route(Session s, Message m) {
    switch (m) {
      case Message.Publish p -> broker.publish(s, p);
      case Message.Subscribe sub -> broker.subscribe(s, sub);
      case Message.Unsubscribe u -> broker.unsubscribe(s, u);
      case Message.Call c -> dealer.call(s, c);
      case Message.Cancel c -> dealer.cancel(s, c);
      case Message.Register r -> dealer.register(s, r);
      case Message.Unregister u -> dealer.unregister(s, u);
      case Message.Yield y -> dealer.yield(s, y);
      case Message.Error e -> dealer.calleeError(s, e);
      default -> throw new ProtocolViolation("unexpected message type in an established session");
    }
  }

  // ---- helpers for Broker, Dealer and MetaApi (realm thread) ----

  void checkUri(String uri, String match) {
    if (!UriRules.validPattern(uri, match, strictUris)) {
      throw new WampException(WampUris.INVALID_URI, "invalid URI '" + uri + "' for match '" + match + "'");
    }
  }

  /** The governing rule if the session's role allows {@code action} on {@code uri}; else not_authorized. */
  Permission authorize(Session s, String uri, Action action) {
    Permission p = s.role().authorizer() != null ? s.authorized.get(action.name() + " " + uri) : s.role().ruleFor(uri);
    if (p == null || !p.allows(action)) {
      throw new WampException(WampUris.NOT_AUTHORIZED, "session is not authorized to "
          + action.name().toLowerCase() + " '" + uri + "'");
    }
    return p;
  }

  boolean isSystem(Session s) { return RealmConfig.SYSTEM_ROLE.equals(s.authrole()); }

  void sendError(Session s, int requestType, long request, WampException e) {
    s.peer().send(new Message.Error(requestType, request, Map.of(), e.uri(), e.args(), e.kwargs()));
  }

  void metaEvent(String topic, Object... args) {
    broker.publishInternal(topic, Arrays.asList(args), Map.of());
  }

  /** WAMP §5.1.2 global-scope id: random in [1, 2^53]. */
  long newId() { return ThreadLocalRandom.current().nextLong(1, MessageParser.MAX_ID + 1); }

  Clock clock() { return clock; }

  String now() { return Instant.ofEpochMilli(clock.millis()).toString(); }

  MetaApi meta() { return meta; }

  long setTimer(long millis, Runnable task) {
    return vertx.setTimer(millis, id -> execute(task));
  }

  void cancelTimer(long id) { vertx.cancelTimer(id); }

  List<Session> sessionList() { return List.copyOf(sessions.values()); }
}

package io.thingtank.wamp.bus;

import io.thingtank.core.bus.BusCallException;
import io.thingtank.core.bus.BusEvent;
import io.thingtank.core.bus.BusPrincipal;
import io.thingtank.core.bus.BusResult;
import io.thingtank.core.bus.MessageBus;
import io.thingtank.wamp.auth.AuthResult;
import io.thingtank.wamp.auth.Role;
import io.thingtank.wamp.message.Message;
import io.thingtank.wamp.message.WampUris;
import io.thingtank.wamp.router.Realm;
import io.thingtank.wamp.router.Router;
import io.thingtank.wamp.router.Session;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link MessageBus} over the router: each {@link BusPrincipal} is an in-process session in
 * its realm, so publications, subscriptions, calls and registrations take the same routing
 * and permission checks as a WAMP client's. Callable from any thread; handlers run on the
 * realm's context.
 */
public final class WampMessageBus implements MessageBus {
  private final Supplier<Router> router;
  private final Map<BusPrincipal, LocalSession> sessions = new ConcurrentHashMap<>();

  public WampMessageBus(Supplier<Router> router) { this.router = router; }

  @Override
  public Future<Void> publish(BusPrincipal from, String topic, List<Object> args, Map<String, Object> kwargs) {
    return publishWithId(from, topic, args, kwargs, Map.of()).mapEmpty();
  }

  @Override
  public boolean reaches(BusPrincipal from, String topic) {
    Router r = router.get();
    Realm realm = r == null ? null : r.realm(from.realm());
    if (realm == null) return true; // publish answers no_such_realm
    LocalSession own = sessions.get(from);
    Session s = own == null ? null : own.session; // null or stale: its own subscriptions count, so true
    return realm.reaches(topic, s == null ? 0 : s.id());
  }

  /** Publishes with extra PUBLISH options; completes with the publication id. */
  public Future<Long> publishWithId(BusPrincipal from, String topic, List<Object> args, Map<String, Object> kwargs,
      Map<String, Object> options) {
    Map<String, Object> o = new java.util.HashMap<>(options);
    o.put("acknowledge", true);
    return onSession(from, s -> s.request(id -> new Message.Publish(id, o, topic,
            LocalSession.nonNull(args), LocalSession.nonNull(kwargs))))
        .map(m -> ((Message.Published) m).publication());
  }

  @Override
  public Future<Registration> subscribe(BusPrincipal who, String topic, String match, Consumer<BusEvent> handler) {
    return onSession(who, s -> s.request(id -> new Message.Subscribe(id, Map.of("match", match), topic))
        .map(m -> {
          long sub = ((Message.Subscribed) m).subscription();
          s.addSubscriber(sub, handler);
          return registration(who, sub, () -> s.removeSubscriber(sub, handler)
              ? s.request(id -> new Message.Unsubscribe(id, sub)).mapEmpty() : Future.succeededFuture());
        }));
  }

  @Override
  public Future<BusResult> call(BusPrincipal caller, String procedure, List<Object> args, Map<String, Object> kwargs) {
    return callWith(caller, procedure, args, kwargs, Map.of());
  }

  /** Calls with extra CALL options (timeout, disclose_me, ...). */
  public Future<BusResult> callWith(BusPrincipal caller, String procedure, List<Object> args,
      Map<String, Object> kwargs, Map<String, Object> options) {
    return onSession(caller, s -> s.request(id -> new Message.Call(id, options, procedure,
            LocalSession.nonNull(args), LocalSession.nonNull(kwargs))))
        .map(m -> {
          Message.Result r = (Message.Result) m;
          return new BusResult(r.args(), r.kwargs());
        });
  }

  @Override
  public Future<Registration> register(BusPrincipal callee, String procedure, String match,
      Function<BusEvent, Future<BusResult>> invocation) {
    return onSession(callee, s -> s.request(id -> new Message.Register(id, Map.of("match", match), procedure))
        .map(m -> {
          long reg = ((Message.Registered) m).registration();
          s.addProcedure(reg, invocation);
          return registration(callee, reg, () -> {
            s.removeProcedure(reg);
            return s.request(id -> new Message.Unregister(id, reg)).mapEmpty();
          });
        }));
  }

  private Registration registration(BusPrincipal who, long id, Supplier<Future<Void>> undo) {
    Realm realm = router.get().realm(who.realm());
    return new Registration() {
      @Override public long id() { return id; }

      @Override public Future<Void> close() {
        Promise<Void> p = Promise.promise();
        realm.execute(() -> undo.get().onComplete(p));
        return p.future();
      }
    };
  }

  /** Runs {@code work} on the principal's session in its realm's thread. */
  private <T> Future<T> onSession(BusPrincipal who, Function<LocalSession, Future<T>> work) {
    Router r = router.get();
    Realm realm = r == null ? null : r.realm(who.realm());
    if (realm == null) {
      return Future.failedFuture(new BusCallException(WampUris.NO_SUCH_REALM, List.of(who.realm()), Map.of()));
    }
    Role role = realm.config().role(who.authrole());
    if (role == null) {
      return Future.failedFuture(new BusCallException(WampUris.NO_SUCH_ROLE, List.of(who.authrole()), Map.of()));
    }
    Promise<T> p = Promise.promise();
    realm.execute(() -> {
      // a session the meta API killed is replaced by a fresh one
      LocalSession ls = sessions.compute(who, (k, existing) -> {
        if (existing != null && existing.session.open()) return existing;
        LocalSession created = new LocalSession(realm);
        created.session = new Session(ThreadLocalRandom.current().nextLong(1, 1L << 53),
            new AuthResult(who.authid(), who.authrole(), "trusted", "thingtank", Map.of()), role, created,
            LocalSession.CLIENT_ROLES);
        realm.join(created.session);
        return created;
      });
      try {
        work.apply(ls).onComplete(p);
      } catch (RuntimeException e) {
        p.fail(e);
      }
    });
    return p.future();
  }
}

package io.thingtank.devices;

import io.thingtank.core.Platform;
import io.thingtank.core.ServiceModule;
import io.thingtank.core.bus.BusEvent;
import io.thingtank.core.bus.BusPrincipal;
import io.thingtank.core.bus.BusResult;
import io.thingtank.core.bus.MessageBus;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A stand-in for the WAMP module's broker in tests: exact and prefix subscriptions, every
 * publication delivered synchronously to every matching subscriber (no exclude-me), publisher
 * authid disclosed. Provided as a module so it is registered before the hub starts.
 */
final class InMemoryBus implements MessageBus, ServiceModule {
  private record Sub(long id, String topic, String match, Consumer<BusEvent> handler) {}

  private final List<Sub> subs = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();

  @Override public String name() { return "test-bus"; }

  @Override public void register(Platform platform) { platform.provide(MessageBus.class, this); }

  @Override public Future<?> start(Platform platform) { return Future.succeededFuture(); }

  @Override public List<String> endpoints() { return List.of(); }

  @Override
  public Future<Void> publish(BusPrincipal from, String topic, List<Object> args, Map<String, Object> kwargs) {
    BusEvent e = new BusEvent(topic, args, kwargs, from.authrole().equals("thingtank.system") ? null : from.authid());
    for (Sub s : subs) {
      boolean match = s.match().equals(PREFIX) ? topic.startsWith(s.topic()) : topic.equals(s.topic());
      if (match) s.handler().accept(e);
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Registration> subscribe(BusPrincipal who, String topic, String match, Consumer<BusEvent> handler) {
    Sub s = new Sub(ids.incrementAndGet(), topic, match, handler);
    subs.add(s);
    return Future.succeededFuture(new Registration() {
      @Override public long id() { return s.id(); }

      @Override public Future<Void> close() {
        subs.remove(s);
        return Future.succeededFuture();
      }
    });
  }

  @Override
  public Future<BusResult> call(BusPrincipal caller, String procedure, List<Object> args, Map<String, Object> kwargs) {
    return Future.failedFuture(new UnsupportedOperationException("no RPC in the test bus"));
  }

  @Override
  public Future<Registration> register(BusPrincipal callee, String procedure, String match,
      Function<BusEvent, Future<BusResult>> invocation) {
    return Future.failedFuture(new UnsupportedOperationException("no RPC in the test bus"));
  }
}

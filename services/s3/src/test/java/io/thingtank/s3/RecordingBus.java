package io.thingtank.s3;

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
import java.util.function.Consumer;
import java.util.function.Function;

/** A MessageBus module that records publications (stands in for the WAMP router in this module's tests). */
final class RecordingBus implements MessageBus, ServiceModule {
  record Published(BusPrincipal from, String topic, Map<String, Object> kwargs) {}

  final List<Published> published = new CopyOnWriteArrayList<>();

  @Override public String name() { return "recording-bus"; }

  @Override public void register(Platform platform) { platform.provide(MessageBus.class, this); }

  @Override public Future<?> start(Platform platform) { return Future.succeededFuture(); }

  @Override public List<String> endpoints() { return List.of(); }

  @Override
  public Future<Void> publish(BusPrincipal from, String topic, List<Object> args, Map<String, Object> kwargs) {
    published.add(new Published(from, topic, kwargs));
    return Future.succeededFuture();
  }

  @Override
  public Future<Registration> subscribe(BusPrincipal who, String topic, String match, Consumer<BusEvent> handler) {
    return Future.failedFuture("not supported");
  }

  @Override
  public Future<BusResult> call(BusPrincipal caller, String procedure, List<Object> args, Map<String, Object> kwargs) {
    return Future.failedFuture("not supported");
  }

  @Override
  public Future<Registration> register(BusPrincipal callee, String procedure, String match,
      Function<BusEvent, Future<BusResult>> invocation) {
    return Future.failedFuture("not supported");
  }
}

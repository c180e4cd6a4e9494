package io.thingtank.core;

import io.vertx.core.Future;
import java.util.List;

/**
 * A part of ThingTank with its own lifecycle (the AWS gateway, the WAMP router, the MQTT
 * broker, ...). The server calls {@link #register} on every module, then {@link #start} in
 * order, and {@link #stop} in reverse order at shutdown.
 */
public interface ServiceModule {
  /** Short name for logs and the banner ("wamp", "mqtt"). */
  String name();

  /** Offers APIs and web mounts to the {@link Platform}; runs before any module starts. */
  default void register(Platform platform) {}

  /** Binds listeners and starts work; completes when the module answers requests. */
  Future<?> start(Platform platform);

  default Future<?> stop() { return Future.succeededFuture(); }

  /** Lines for the start banner, e.g. {@code "MQTT        mqtt://127.0.0.1:1883"}. Valid after start. */
  List<String> endpoints();
}

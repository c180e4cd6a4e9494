package io.thingtank.devices.hub;

import io.vertx.core.Context;
import java.util.function.Consumer;

/** A subscriber's sink and the Vert.x context (its connection's event loop) it runs on. */
record Listener(Context context, Consumer<Delivery> sink) {
  void deliver(Delivery d) {
    if (context == null) sink.accept(d);
    else context.runOnContext(v -> sink.accept(d));
  }
}

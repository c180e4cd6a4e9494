package io.thingtank.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Opens many client connections with a bounded number of handshakes in flight. Called from the bench's main thread. */
final class Connections {
  private Connections() {}

  /**
   * The bench client's Vert.x: native transport (as the server) and {@code loops} event loops.
   * One loop by default: the client then spends the least CPU per message on the 2 cores it
   * shares with the server under test.
   */
  static Vertx clientVertx(int loops) {
    return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setPreferNativeTransport(true));
  }

  /** A WebSocket client for the scenarios: no cap on connections per server (Vert.x caps at 50 by default). */
  static WebSocketClient webSocketClient(Vertx vertx) {
    return vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000)
        .setMaxFrameSize(1 << 20).setConnectTimeout(30_000));
  }

  /**
   * Opens {@code n} connections, at most {@code parallel} at a time, each within the overall
   * {@code timeoutSeconds}; fails on the first connection that fails.
   */
  static <T> List<T> open(int n, int parallel, long timeoutSeconds, IntFunction<Future<T>> connect) throws Exception {
    List<T> out = new ArrayList<>(n);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    for (int i = 0; i < n; i += parallel) {
      List<Future<T>> batch = new ArrayList<>();
      for (int j = i; j < Math.min(n, i + parallel); j++) batch.add(connect.apply(j));
      long left = Math.max(1, deadline - System.nanoTime());
      Future.all(batch).toCompletionStage().toCompletableFuture().get(left, TimeUnit.NANOSECONDS);
      for (Future<T> f : batch) out.add(f.result());
    }
    return out;
  }
}

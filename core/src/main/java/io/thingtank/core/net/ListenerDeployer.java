package io.thingtank.core.net;

import io.netty.channel.EventLoop;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Deploys one listener verticle per event loop on one port, so connections spread over all
 * cores (Vert.x shares one server socket among servers that bind the same host and port).
 * Port 0 (tests) becomes one negative port, unique to this listener group, for every instance:
 * Vert.x binds one random port and shares it among servers that ask for the same negative port
 * (it would not share a port-0 socket with a server asking for the port it got). The verticle reports its bound port through
 * {@link Listener#actualPort()}.
 */
public final class ListenerDeployer {
  /** Distinct negative ports, one per listener group asking for a random port. */
  private static final java.util.concurrent.atomic.AtomicInteger RANDOM_PORT_GROUPS = new java.util.concurrent.atomic.AtomicInteger();

  private ListenerDeployer() {}

  /**
   * A verticle that binds one server socket; {@code actualPort} is valid after start. Its
   * connections are served by its own event loop, or by the one given to {@link #onLoop}.
   */
  public abstract static class Listener extends VerticleBase {
    private EventLoop loop;

    public abstract int actualPort();

    /** Serve this listener's connections on {@code loop} instead of the verticle's own event loop. */
    public final Listener onLoop(EventLoop loop) {
      this.loop = loop;
      return this;
    }

    /**
     * Runs {@code listen} (which binds a server created in {@code start}) on the chosen event
     * loop: Vert.x serves a server's connections on the context that called {@code listen}.
     */
    protected final <T> Future<T> bind(Supplier<Future<T>> listen) {
      if (loop == null) return listen.get();
      Promise<T> bound = Promise.promise();
      ((VertxInternal) vertx).contextBuilder().withEventLoop(loop).build()
          .runOnContext(v -> listen.get().onComplete(bound));
      return bound.future();
    }
  }

  /** A started listener group: its port and the deployment ids to undeploy. */
  public record Deployed(int port, List<String> deploymentIds) {
    public Future<?> undeploy(Vertx vertx) {
      List<Future<?>> all = new ArrayList<>();
      for (String id : deploymentIds) all.add(vertx.undeploy(id));
      return Future.join(all);
    }
  }

  /** Deploys {@code instances} listeners made by {@code factory(port)}; completes once all are bound. */
  public static Future<Deployed> deploy(Vertx vertx, int port, int instances, IntFunction<Listener> factory) {
    int ask = port == 0 ? RANDOM_PORT_GROUPS.decrementAndGet() : port;
    Listener first = factory.apply(ask);
    return vertx.deployVerticle(first).compose(firstId -> {
      int bound = first.actualPort();
      List<Future<String>> rest = new ArrayList<>();
      for (int i = 1; i < instances; i++) rest.add(vertx.deployVerticle(factory.apply(ask)));
      return Future.all(rest).map(cf -> {
        List<String> ids = new ArrayList<>();
        ids.add(firstId);
        for (Future<String> f : rest) ids.add(f.result());
        return new Deployed(bound, ids);
      });
    });
  }

  /**
   * Deploys one listener serving all its connections on {@code loop}, so that they share a
   * thread with whatever else runs there (the WAMP realms: a message then crosses no thread
   * between its connection and its realm).
   */
  public static Future<Deployed> deployOn(Vertx vertx, int port, EventLoop loop, IntFunction<Listener> factory) {
    return deploy(vertx, port, 1, p -> factory.apply(p).onLoop(loop));
  }

  /** One listener per core. */
  public static int defaultInstances() { return Math.max(1, Runtime.getRuntime().availableProcessors()); }
}

package io.thingtank.core.net;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

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

  /** A verticle that binds one server socket; {@code actualPort} is valid after start. */
  public abstract static class Listener extends VerticleBase {
    public abstract int actualPort();
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

  /** One listener per core. */
  public static int defaultInstances() { return Math.max(1, Runtime.getRuntime().availableProcessors()); }
}

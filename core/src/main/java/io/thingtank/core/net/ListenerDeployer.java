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
 * cores. Port 0 (tests) is resolved by the first instance; the others bind the port it got.
 * The verticle reports its bound port through {@link Listener#actualPort()}.
 */
public final class ListenerDeployer {
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
    Listener first = factory.apply(port);
    return vertx.deployVerticle(first).compose(firstId -> {
      int bound = first.actualPort();
      List<Future<String>> rest = new ArrayList<>();
      for (int i = 1; i < instances; i++) rest.add(vertx.deployVerticle(factory.apply(bound)));
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

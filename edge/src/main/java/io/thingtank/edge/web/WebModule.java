package io.thingtank.edge.web;

import io.thingtank.core.Platform;
import io.thingtank.core.ServiceModule;
import io.thingtank.core.net.Endpoints;
import io.thingtank.core.net.ListenerDeployer;
import io.vertx.core.Future;
import java.util.List;

/**
 * Serves the web port for every module that mounted a path on the {@link Platform}
 * (WAMP at {@code /ws}, MQTT at {@code /mqtt}, console at {@code /}). Start it after the
 * modules that mount, since mounts are read at start. All its connections are served by
 * {@link Platform#webLoop()}, the WAMP router's thread.
 */
public final class WebModule implements ServiceModule {
  private Platform platform;
  private ListenerDeployer.Deployed deployed;

  @Override public String name() { return "web"; }

  @Override
  public Future<?> start(Platform p) {
    this.platform = p;
    var cfg = p.config();
    var mounts = p.mounts();
    return ListenerDeployer.deployOn(p.vertx(), cfg.webPort(), p.webLoop(),
            port -> new WebVerticle(cfg.host(), port, mounts))
        .onSuccess(d -> deployed = d);
  }

  @Override
  public Future<?> stop() {
    return deployed == null ? Future.succeededFuture() : deployed.undeploy(platform.vertx());
  }

  /** The bound port (differs from the config when it asked for 0). */
  public int port() { return deployed.port(); }

  @Override
  public List<String> endpoints() {
    String base = "http://" + Endpoints.displayHost(platform.config().host()) + ":" + port();
    return List.of(Endpoints.line("Web", base + "/"));
  }
}

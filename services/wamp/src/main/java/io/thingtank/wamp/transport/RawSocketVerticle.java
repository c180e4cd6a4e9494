package io.thingtank.wamp.transport;

import io.thingtank.core.net.ListenerDeployer;
import io.thingtank.wamp.router.Router;
import io.vertx.core.Future;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;

/** The WAMP RawSocket TCP listener (port 8081), serving its connections on the realms' event loop. */
public final class RawSocketVerticle extends ListenerDeployer.Listener {
  private final String host;
  private final int port;
  private final Router router;
  private NetServer server;

  public RawSocketVerticle(String host, int port, Router router) {
    this.host = host;
    this.port = port;
    this.router = router;
  }

  @Override
  public Future<?> start() {
    server = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port).setTcpNoDelay(true))
        .connectHandler(s -> new RawSocketConnection(s, router));
    return bind(server::listen);
  }

  @Override public int actualPort() { return server.actualPort(); }
}

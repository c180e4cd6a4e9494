package io.thingtank.devices;

import io.thingtank.core.net.ListenerDeployer;
import io.thingtank.devices.rest.RestApi;
import io.thingtank.devices.socketio.EngineIoServer;
import io.thingtank.devices.ws.MeshbluWebSocket;
import io.thingtank.devices.hub.Hub;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

/**
 * The device hub's port (3000), one instance per event loop: {@code /socket.io/} goes to the
 * shared Engine.IO server, a WebSocket upgrade of {@code /ws/v2} to Meshblu's JSON-array API,
 * everything else to the REST router.
 */
final class DevicesVerticle extends ListenerDeployer.Listener {
  private final String host;
  private final int port;
  private final Hub hub;
  private final EngineIoServer engine;
  private HttpServer server;

  DevicesVerticle(String host, int port, Hub hub, EngineIoServer engine) {
    this.host = host;
    this.port = port;
    this.hub = hub;
    this.engine = engine;
  }

  @Override
  public Future<?> start() {
    Router router = RestApi.router(vertx, hub);
    HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port)
        .setMaxWebSocketMessageSize(EngineIoServer.MAX_PAYLOAD)
        .setMaxWebSocketFrameSize(EngineIoServer.MAX_PAYLOAD)
        .setIdleTimeout(0);
    server = vertx.createHttpServer(options).requestHandler(req -> route(req, router));
    return server.listen();
  }

  private void route(HttpServerRequest req, Router router) {
    String path = req.path();
    if (path.startsWith("/socket.io/") || path.equals("/socket.io")) {
      engine.handle(req);
    } else if (path.equals("/ws/v2") && req.canUpgradeToWebSocket()) {
      req.toWebSocket().onSuccess(ws -> new MeshbluWebSocket(hub, ws));
    } else {
      router.handle(req);
    }
  }

  @Override
  public int actualPort() { return server.actualPort(); }
}

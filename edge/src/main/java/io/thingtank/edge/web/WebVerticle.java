package io.thingtank.edge.web;

import io.thingtank.core.net.ListenerDeployer;
import io.thingtank.core.web.WebMount;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The web port (8080): hands each request (and WebSocket upgrade) to the module whose
 * {@link WebMount} has the longest matching path prefix; 404 otherwise.
 */
final class WebVerticle extends ListenerDeployer.Listener {
  private final String host;
  private final int port;
  private final List<WebMount> mounts;
  private HttpServer server;

  WebVerticle(String host, int port, List<WebMount> mounts) {
    this.host = host;
    this.port = port;
    List<WebMount> sorted = new ArrayList<>(mounts);
    sorted.sort(Comparator.comparingInt((WebMount m) -> m.pathPrefix().length()).reversed());
    this.mounts = sorted;
  }

  @Override
  public Future<?> start() {
    List<String> subProtocols = new ArrayList<>();
    for (WebMount m : mounts) {
      for (String p : m.webSocketSubProtocols()) if (!subProtocols.contains(p)) subProtocols.add(p);
    }
    HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port)
        .setCompressionSupported(true)
        .setMaxWebSocketFrameSize(16 * 1024 * 1024)
        .setMaxWebSocketMessageSize(16 * 1024 * 1024);
    if (!subProtocols.isEmpty()) options.setWebSocketSubProtocols(subProtocols);
    server = vertx.createHttpServer(options).requestHandler(this::route);
    return bind(server::listen);
  }

  private void route(HttpServerRequest req) {
    String path = req.path();
    for (WebMount m : mounts) {
      if (path.startsWith(m.pathPrefix())) {
        m.handler().handle(req);
        return;
      }
    }
    req.response().setStatusCode(404).putHeader("content-type", "text/plain").end("Not Found\n");
  }

  @Override
  public int actualPort() { return server.actualPort(); }
}

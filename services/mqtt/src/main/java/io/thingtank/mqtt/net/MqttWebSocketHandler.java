package io.thingtank.mqtt.net;

import io.thingtank.mqtt.protocol.MqttConnection;
import io.thingtank.mqtt.protocol.MqttTransport;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.BiFunction;

/**
 * The {@code /mqtt} mount of the web port: upgrades to a WebSocket (sub-protocol {@code mqtt},
 * MQTT 5 §6) and runs an {@link MqttConnection} over it; plain HTTP gets 400. Runs on the web
 * listener's event loop.
 */
public final class MqttWebSocketHandler implements Handler<HttpServerRequest> {
  private final int maxPacketSize;
  private final BiFunction<Vertx, MqttTransport, MqttConnection> connections;
  private final Vertx vertx;

  public MqttWebSocketHandler(Vertx vertx, int maxPacketSize, BiFunction<Vertx, MqttTransport, MqttConnection> connections) {
    this.vertx = vertx;
    this.maxPacketSize = maxPacketSize;
    this.connections = connections;
  }

  @Override
  public void handle(HttpServerRequest req) {
    if (!"websocket".equalsIgnoreCase(req.getHeader("upgrade"))) {
      req.response().setStatusCode(400).end("MQTT over WebSocket only\n");
      return;
    }
    var context = vertx.getOrCreateContext();
    req.toWebSocket().onSuccess(ws -> {
      WebSocketTransport t = new WebSocketTransport(ws, context, maxPacketSize);
      t.attach(transport -> connections.apply(vertx, transport));
    });
  }
}

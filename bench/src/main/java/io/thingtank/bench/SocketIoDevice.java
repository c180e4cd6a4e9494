package io.thingtank.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.function.Consumer;

/**
 * The bench's minimal SkyNet device over socket.io: Engine.IO v4 over WebSocket only (open packet
 * {@code 0}, ping {@code 2} answered with pong {@code 3}), Socket.IO v5 namespace {@code /}
 * ({@code 40} connect, {@code 42[event, data]}), then SkyNet's handshake: the server's
 * {@code identify} is answered with {@code identity {}} (the hub registers a new device) and the
 * device is ready on {@code ready}, which carries its uuid and token. Handlers run on the
 * connection's event loop; {@link #emit} may be called from any thread.
 */
final class SocketIoDevice implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebSocket ws;
  private final Promise<SocketIoDevice> ready = Promise.promise();
  private volatile Consumer<JsonNode> onMessage = m -> {};
  private volatile String uuid;
  private volatile String token;

  private SocketIoDevice(WebSocket ws) {
    this.ws = ws;
  }

  /** Connects to the hub at {@code port}, registers a new device through {@code identity} and waits for {@code ready}. */
  static Future<SocketIoDevice> connect(WebSocketClient client, int port) {
    WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/socket.io/?EIO=4&transport=websocket");
    return client.connect(o).compose(ws -> {
      SocketIoDevice d = new SocketIoDevice(ws);
      ws.textMessageHandler(d::onText);
      ws.closeHandler(v -> d.ready.tryFail("closed before ready"));
      return d.ready.future();
    });
  }

  String uuid() { return uuid; }

  String token() { return token; }

  /** Receives the data of each socket.io {@code message} event sent to this device. */
  void onMessage(Consumer<JsonNode> handler) { this.onMessage = handler; }

  /** Emits a socket.io event without an ack; {@code dataJson} is the event's JSON data. */
  void emit(String event, String dataJson) {
    ws.writeTextMessage("42[\"" + event + "\"," + dataJson + "]");
  }

  private void onText(String text) {
    if (text.isEmpty()) return;
    switch (text.charAt(0)) {
      case '0' -> ws.writeTextMessage("40");
      case '2' -> ws.writeTextMessage("3" + text.substring(1));
      case '4' -> {
        if (text.startsWith("42")) onEvent(text.substring(2));
        else if (text.startsWith("44")) ready.tryFail("socket.io connect error " + text);
      }
      default -> { }
    }
  }

  private void onEvent(String json) {
    JsonNode a;
    try {
      a = JSON.readTree(json);
    } catch (Exception e) {
      ws.close();
      return;
    }
    switch (a.path(0).asText()) {
      case "message" -> onMessage.accept(a.path(1));
      case "identify" -> emit("identity", "{}");
      case "ready" -> {
        uuid = a.path(1).path("uuid").asText();
        token = a.path(1).path("token").asText();
        ready.tryComplete(this);
      }
      case "notReady" -> ready.tryFail("notReady " + a);
      default -> { }
    }
  }

  @Override
  public void close() {
    ws.close();
  }
}

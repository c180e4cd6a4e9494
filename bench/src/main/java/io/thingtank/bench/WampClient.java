package io.thingtank.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The bench's own minimal WAMP v2 client over WebSocket with {@code wamp.2.json}: HELLO/WELCOME,
 * SUBSCRIBE/EVENT, PUBLISH, REGISTER/INVOCATION/YIELD and CALL/RESULT (wamp-proto §6-§12).
 * Only what the benchmarks need: no auth beyond anonymous, no advanced features. EVENT with a
 * null or missing kwargs (fox-wamp sends null) is accepted. Handlers run on the connection's
 * event loop; the send methods may be called from any thread.
 */
final class WampClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int HELLO = 1, WELCOME = 2, ABORT = 3, ERROR = 8, PUBLISH = 16, SUBSCRIBE = 32,
      SUBSCRIBED = 33, CALL = 48, RESULT = 50, REGISTER = 64, REGISTERED = 65,
      INVOCATION = 68, YIELD = 70;

  private final WebSocket ws;
  private final AtomicLong requestIds = new AtomicLong();
  private final Map<Long, Promise<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Map<Long, Consumer<String>> subscriptions = new ConcurrentHashMap<>();
  private final Map<Long, Function<ArrayNode, ArrayNode>> registrations = new ConcurrentHashMap<>();
  private final Promise<Long> welcome = Promise.promise();

  private WampClient(WebSocket ws) {
    this.ws = ws;
  }

  /** Connects to {@code ws://127.0.0.1:port/path} and joins {@code realm} anonymously. */
  static Future<WampClient> connect(WebSocketClient client, int port, String path, String realm) {
    WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(path)
        .addSubProtocol("wamp.2.json");
    return client.connect(o).compose(ws -> {
      WampClient c = new WampClient(ws);
      ws.textMessageHandler(c::onText);
      ws.closeHandler(v -> c.failAll(new IllegalStateException("WebSocket closed")));
      ws.writeTextMessage("[1,\"" + realm + "\",{\"roles\":{\"publisher\":{},\"subscriber\":{},\"caller\":{},\"callee\":{}}}]");
      return c.welcome.future().map(id -> c);
    });
  }

  /**
   * SUBSCRIBE; {@code onEvent} gets the JSON text of each EVENT message (args at index 4, if any),
   * unparsed so that a benchmark subscriber can read only what it needs.
   */
  Future<Long> subscribe(String topic, Consumer<String> onEvent) {
    long req = requestIds.incrementAndGet();
    Future<Long> f = await(req).map(m -> {
      long id = m.get(2).asLong();
      subscriptions.put(id, onEvent);
      return id;
    });
    ws.writeTextMessage("[" + SUBSCRIBE + "," + req + ",{}," + JSON.valueToTree(topic) + "]");
    return f;
  }

  /** PUBLISH without acknowledgement; {@code argsJson} is the JSON text of the args list. */
  void publish(String topic, String argsJson) {
    ws.writeTextMessage("[" + PUBLISH + "," + requestIds.incrementAndGet() + ",{}," + JSON.valueToTree(topic) + "," + argsJson + "]");
  }

  /** REGISTER; each INVOCATION's args go to {@code procedure}, whose answer is YIELDed as args. */
  Future<Long> register(String procedure, Function<ArrayNode, ArrayNode> body) {
    long req = requestIds.incrementAndGet();
    Future<Long> f = await(req).map(m -> {
      long id = m.get(2).asLong();
      registrations.put(id, body);
      return id;
    });
    ws.writeTextMessage("[" + REGISTER + "," + req + ",{}," + JSON.valueToTree(procedure) + "]");
    return f;
  }

  /** CALL; completes with the RESULT message array, or fails on ERROR. */
  Future<JsonNode> call(String procedure, String argsJson) {
    long req = requestIds.incrementAndGet();
    Future<JsonNode> f = await(req);
    ws.writeTextMessage("[" + CALL + "," + req + ",{}," + JSON.valueToTree(procedure) + "," + argsJson + "]");
    return f;
  }

  private Future<JsonNode> await(long req) {
    Promise<JsonNode> p = Promise.promise();
    pending.put(req, p);
    return p.future();
  }

  private void onText(String text) {
    if (text.startsWith("[36,")) {
      Consumer<String> h = subscriptions.get(Long.parseLong(text, 4, text.indexOf(',', 4), 10));
      if (h != null) h.accept(text);
      return;
    }
    ArrayNode m;
    try {
      m = (ArrayNode) JSON.readTree(text);
    } catch (Exception e) {
      ws.close();
      return;
    }
    switch (m.get(0).asInt()) {
      case WELCOME -> welcome.tryComplete(m.get(1).asLong());
      case ABORT -> welcome.tryFail("ABORT " + m);
      case INVOCATION -> {
        Function<ArrayNode, ArrayNode> body = registrations.get(m.get(2).asLong());
        ArrayNode args = m.size() > 4 && m.get(4).isArray() ? (ArrayNode) m.get(4) : JSON.createArrayNode();
        ws.writeTextMessage("[" + YIELD + "," + m.get(1).asLong() + ",{}," + body.apply(args) + "]");
      }
      case SUBSCRIBED, REGISTERED, RESULT -> complete(m.get(1).asLong(), m, null);
      case ERROR -> complete(m.get(2).asLong(), null, m.toString());
      default -> { }
    }
  }

  private void complete(long req, JsonNode m, String error) {
    Promise<JsonNode> p = pending.remove(req);
    if (p == null) return;
    if (error == null) p.complete(m);
    else p.fail(error);
  }

  private void failAll(Throwable t) {
    welcome.tryFail(t);
    pending.values().forEach(p -> p.tryFail(t));
    pending.clear();
  }

  @Override
  public void close() {
    ws.close();
  }
}

package io.thingtank.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

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
      SUBSCRIBED = 33, EVENT = 36, CALL = 48, RESULT = 50, REGISTER = 64, REGISTERED = 65,
      INVOCATION = 68, YIELD = 70;

  private final WebSocket ws;
  private final AtomicLong requestIds = new AtomicLong();
  private final Map<Long, Promise<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Map<Long, Promise<Void>> calls = new ConcurrentHashMap<>();
  private final Map<Long, Consumer<Buffer>> subscriptions = new ConcurrentHashMap<>();
  private final Set<Long> echoes = ConcurrentHashMap.newKeySet();
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
      ws.handler(c::onMessage);
      ws.closeHandler(v -> c.failAll(new IllegalStateException("WebSocket closed")));
      ws.writeTextMessage("[1,\"" + realm + "\",{\"roles\":{\"publisher\":{},\"subscriber\":{},\"caller\":{},\"callee\":{}}}]");
      return c.welcome.future().map(id -> c);
    });
  }

  /**
   * SUBSCRIBE; {@code onEvent} gets the bytes of each EVENT message (args at index 4, if any),
   * unparsed so that a benchmark subscriber can read only what it needs.
   */
  Future<Long> subscribe(String topic, Consumer<Buffer> onEvent) {
    long req = requestIds.incrementAndGet();
    Future<Long> f = await(req).map(m -> {
      long id = m.get(2).asLong();
      subscriptions.put(id, onEvent);
      return id;
    });
    ws.writeTextMessage("[" + SUBSCRIBE + "," + req + ",{}," + quoted(topic) + "]");
    return f;
  }

  /** PUBLISH without acknowledgement; {@code argsJson} is the JSON text of the args list. */
  void publish(String topic, String argsJson) {
    ws.writeTextMessage("[" + PUBLISH + "," + requestIds.incrementAndGet() + ",{}," + quoted(topic) + "," + argsJson + "]");
  }

  /** REGISTER a procedure that answers each INVOCATION with its own args and kwargs (YIELDed unparsed). */
  Future<Long> registerEcho(String procedure) {
    long req = requestIds.incrementAndGet();
    Future<Long> f = await(req).map(m -> {
      long id = m.get(2).asLong();
      echoes.add(id);
      return id;
    });
    ws.writeTextMessage("[" + REGISTER + "," + req + ",{}," + quoted(procedure) + "]");
    return f;
  }

  /** CALL; completes when its RESULT arrives (the result itself is not parsed), or fails on ERROR. */
  Future<Void> call(String procedure, String argsJson) {
    long req = requestIds.incrementAndGet();
    Promise<Void> p = Promise.promise();
    calls.put(req, p);
    ws.writeTextMessage("[" + CALL + "," + req + ",{}," + quoted(procedure) + "," + argsJson + "]");
    return p.future();
  }

  private Future<JsonNode> await(long req) {
    Promise<JsonNode> p = Promise.promise();
    pending.put(req, p);
    return p.future();
  }

  /**
   * One message. The frequent ones (EVENT, RESULT, INVOCATION) are read by their leading numbers
   * only, straight from the frame's bytes; the rest (handshake, acknowledgements) with Jackson.
   */
  private void onMessage(Buffer b) {
    int at = 1;
    int type = 0;
    for (byte c; (c = b.getByte(at)) != ','; at++) type = type * 10 + (c - '0');
    long id = 0;
    int idEnd = at + 1;
    for (byte c; (c = b.getByte(idEnd)) >= '0' && c <= '9'; idEnd++) id = id * 10 + (c - '0');
    switch (type) {
      case EVENT -> {
        Consumer<Buffer> h = subscriptions.get(id);
        if (h != null) h.accept(b);
      }
      case RESULT -> {
        Promise<Void> p = calls.remove(id);
        if (p != null) p.complete();
      }
      case INVOCATION -> {
        int regStart = idEnd + 1;
        long reg = 0;
        int detailsAt = regStart;
        for (byte c; (c = b.getByte(detailsAt)) != ','; detailsAt++) reg = reg * 10 + (c - '0');
        if (!echoes.contains(reg)) return;
        int rest = JsonSkip.value(b, detailsAt + 1);
        ws.writeTextMessage("[" + YIELD + "," + id + ",{}" + b.getString(rest, b.length()));
      }
      default -> onControl(b);
    }
  }

  private void onControl(Buffer b) {
    ArrayNode m;
    try {
      m = (ArrayNode) JSON.readTree(b.getBytes());
    } catch (Exception e) {
      ws.close();
      return;
    }
    switch (m.get(0).asInt()) {
      case WELCOME -> welcome.tryComplete(m.get(1).asLong());
      case ABORT -> welcome.tryFail("ABORT " + m);
      case SUBSCRIBED, REGISTERED -> complete(m.get(1).asLong(), m, null);
      case ERROR -> {
        Promise<Void> call = calls.remove(m.get(2).asLong());
        if (call != null) call.fail(m.toString());
        else complete(m.get(2).asLong(), null, m.toString());
      }
      default -> { }
    }
  }

  /** A URI as a JSON string (the bench's URIs are plain ASCII: no escaping needed). */
  private static String quoted(String uri) { return "\"" + uri + "\""; }

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
    calls.values().forEach(p -> p.tryFail(t));
    calls.clear();
  }

  @Override
  public void close() {
    ws.close();
  }
}

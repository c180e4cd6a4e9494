package io.thingtank.devices.socketio;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The Engine.IO v4 endpoint ({@code /socket.io/}): handshakes, long-polling GET/POST, and
 * WebSocket connections and upgrades. Sessions live in one map shared by all listener
 * instances, since a client's polls may arrive on any event loop; each request hops to its
 * session's context. Errors answer the engine.io error bodies ({@code {"code":1,"message":"Session ID unknown"}}).
 * Thread-safe.
 */
public final class EngineIoServer {
  /** Largest accepted polling body or WebSocket message, advertised as {@code maxPayload}. */
  public static final int MAX_PAYLOAD = 1_000_000;
  private final Map<String, EngineSession> sessions = new ConcurrentHashMap<>();
  private final Consumer<EngineSession> onSession;
  private final long pingInterval;
  private final long pingTimeout;

  public EngineIoServer(long pingInterval, long pingTimeout, Consumer<EngineSession> onSession) {
    this.pingInterval = pingInterval;
    this.pingTimeout = pingTimeout;
    this.onSession = onSession;
  }

  long pingInterval() { return pingInterval; }

  long pingTimeout() { return pingTimeout; }

  public int sessionCount() { return sessions.size(); }

  void remove(String sid) { sessions.remove(sid); }

  public void handle(HttpServerRequest req) {
    if (!"4".equals(req.getParam("EIO"))) {
      reject(req, 5, "Unsupported protocol version");
      return;
    }
    String transport = req.getParam("transport");
    boolean ws = "websocket".equals(transport);
    if (!ws && !"polling".equals(transport)) {
      reject(req, 0, "Transport unknown");
      return;
    }
    String sid = req.getParam("sid");
    if (sid == null) {
      if (ws) openWebSocket(req);
      else if (req.method() == HttpMethod.GET) openPolling(req);
      else reject(req, 3, "Bad request");
      return;
    }
    EngineSession s = sessions.get(sid);
    if (s == null) {
      reject(req, 1, "Session ID unknown");
      return;
    }
    if (ws) {
      req.toWebSocket().onSuccess(w -> s.context().runOnContext(v -> s.probe(w)));
    } else if (req.method() == HttpMethod.GET) {
      s.context().runOnContext(v -> s.poll(req.response()));
    } else if (req.method() == HttpMethod.POST) {
      readPost(req, s);
    } else {
      reject(req, 2, "Bad handshake method");
    }
  }

  private void readPost(HttpServerRequest req, EngineSession s) {
    io.vertx.core.buffer.Buffer body = io.vertx.core.buffer.Buffer.buffer();
    req.handler(chunk -> {
      if (req.response().ended()) return;
      if (body.length() + chunk.length() > MAX_PAYLOAD) {
        req.response().setStatusCode(413).end(error(3, "Payload too large"));
        s.context().runOnContext(v -> s.close("payload too large"));
        req.connection().close();
        return;
      }
      body.appendBuffer(chunk);
    });
    req.resume();
    req.endHandler(v -> {
      if (req.response().ended()) return;
      s.context().runOnContext(x -> {
        try {
          s.receivePayload(body.toString(java.nio.charset.StandardCharsets.UTF_8));
          req.response().putHeader("content-type", "text/html").end("ok");
        } catch (RuntimeException e) { // engine.io: a payload that does not parse closes the session
          req.response().setStatusCode(400).end(error(3, "Bad request"));
          s.close("parse error");
        }
      });
    });
  }

  private void openPolling(HttpServerRequest req) {
    EngineSession s = newSession(req);
    req.response().putHeader("content-type", "text/plain; charset=UTF-8").end(openPacket(s, true));
    s.startHeartbeat();
  }

  private void openWebSocket(HttpServerRequest req) {
    req.toWebSocket().onSuccess(ws -> {
      EngineSession s = newSession(req);
      s.attachWebSocket(ws);
      ws.writeTextMessage(openPacket(s, false));
      s.startHeartbeat();
    });
  }

  private EngineSession newSession(HttpServerRequest req) {
    Context ctx = Vertx.currentContext();
    String fwd = req.getHeader("x-forwarded-for");
    String ip = fwd != null ? fwd : req.remoteAddress().hostAddress();
    EngineSession s = new EngineSession(UUID.randomUUID().toString().replace("-", ""), ctx, this, ip);
    sessions.put(s.sid(), s);
    onSession.accept(s);
    return s;
  }

  private String openPacket(EngineSession s, boolean polling) {
    return EnginePacket.of(EnginePacket.Type.OPEN, "{\"sid\":\"" + s.sid() + "\",\"upgrades\":"
        + (polling ? "[\"websocket\"]" : "[]") + ",\"pingInterval\":" + pingInterval
        + ",\"pingTimeout\":" + pingTimeout + ",\"maxPayload\":" + MAX_PAYLOAD + "}").encode();
  }

  static String error(int code, String message) {
    return "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
  }

  private static void reject(HttpServerRequest req, int code, String message) {
    req.response().setStatusCode(400).putHeader("content-type", "application/json").end(error(code, message));
  }
}

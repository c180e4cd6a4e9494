package io.thingtank.devices.socketio;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * One Engine.IO v4 session: its transport (HTTP long-polling, possibly upgraded to a
 * WebSocket), the outgoing queue, and the server-driven heartbeat (v4: the server sends PING,
 * the client answers PONG within {@code pingInterval + pingTimeout}). Every method runs on
 * the session's own context ({@link #context()}); {@link EngineIoServer} hops there.
 */
public final class EngineSession {
  private static final int MAX_QUEUED = 10_000;
  private final String sid;
  private final Context context;
  private final EngineIoServer server;
  private final Deque<String> outbox = new ArrayDeque<>();
  private HttpServerResponse pendingPoll;
  private ServerWebSocket webSocket;
  private ServerWebSocket probing;
  private Consumer<String> messageHandler = m -> {};
  private Runnable closeHandler = () -> {};
  private long pingTimer = -1, timeoutTimer = -1;
  private boolean closed;

  private final String remoteAddress;

  EngineSession(String sid, Context context, EngineIoServer server, String remoteAddress) {
    this.sid = sid;
    this.remoteAddress = remoteAddress;
    this.context = context;
    this.server = server;
  }

  public String sid() { return sid; }

  public Context context() { return context; }

  /** The client's address ({@code X-Forwarded-For} if a proxy set it). */
  public String remoteAddress() { return remoteAddress; }

  public boolean isClosed() { return closed; }

  public void messageHandler(Consumer<String> h) { this.messageHandler = h; }

  public void closeHandler(Runnable h) { this.closeHandler = h; }

  /** Sends a MESSAGE packet; a client that lets too much pile up is disconnected. */
  public void send(String data) { sendPacket(EnginePacket.message(data)); }

  void sendPacket(EnginePacket p) {
    if (closed) return;
    if (webSocket != null) {
      if (webSocket.writeQueueFull()) {
        close("slow client");
        return;
      }
      webSocket.writeTextMessage(p.encode());
      return;
    }
    if (outbox.size() >= MAX_QUEUED) {
      close("slow client");
      return;
    }
    outbox.add(p.encode());
    flushPoll();
  }

  /** Starts the heartbeat; called once the open packet has gone out. */
  void startHeartbeat() {
    pingTimer = context.owner().setPeriodic(server.pingInterval(), id -> {
      sendPacket(EnginePacket.of(EnginePacket.Type.PING, null));
      if (timeoutTimer < 0) {
        timeoutTimer = context.owner().setTimer(server.pingTimeout(), t -> close("ping timeout"));
      }
    });
  }

  /** A long-polling GET: parks the response until there is something to send. */
  void poll(HttpServerResponse response) {
    if (closed || webSocket != null) {
      response.setStatusCode(400).end(EngineIoServer.error(3, "Bad request"));
      return;
    }
    if (pendingPoll != null) { // engine.io v4: overlapping GETs are a protocol violation
      response.setStatusCode(400).end(EngineIoServer.error(3, "Bad request"));
      close("overlapping poll");
      return;
    }
    pendingPoll = response;
    response.closeHandler(onContext(v -> { if (pendingPoll == response) pendingPoll = null; }));
    flushPoll();
  }

  /** A long-polling POST body: packets separated by U+001E. */
  void receivePayload(String payload) {
    for (String p : payload.split(String.valueOf(EnginePacket.SEPARATOR), -1)) {
      if (closed) return;
      receive(EnginePacket.decode(p));
    }
  }

  void receive(EnginePacket p) {
    switch (p.type()) {
      case PONG -> {
        if (timeoutTimer >= 0) context.owner().cancelTimer(timeoutTimer);
        timeoutTimer = -1;
      }
      case PING -> sendPacket(EnginePacket.of(EnginePacket.Type.PONG, p.data()));
      case MESSAGE -> {
        if (p.binary()) throw new IllegalArgumentException("binary messages are not supported");
        messageHandler.accept(p.data());
      }
      case CLOSE -> close("client close");
      case NOOP -> { }
      default -> throw new IllegalArgumentException("unexpected packet " + p.type());
    }
  }

  /** The WebSocket a fresh connection opened with (no polling phase). */
  void attachWebSocket(ServerWebSocket ws) {
    webSocket = ws;
    ws.textMessageHandler(onContext(this::onWebSocketText));
    ws.binaryMessageHandler(onContext(b -> close("binary frame")));
    ws.closeHandler(onContext(v -> close("transport close")));
    ws.exceptionHandler(onContext(e -> close("transport error")));
  }

  /** An upgrade WebSocket: probe (2probe/3probe), then UPGRADE switches transports (v4 §"Upgrade"). */
  void probe(ServerWebSocket ws) {
    if (closed || webSocket != null || probing != null) {
      ws.close((short) 1002, "bad upgrade");
      return;
    }
    probing = ws;
    ws.closeHandler(onContext(v -> { if (probing == ws) probing = null; }));
    ws.textMessageHandler(onContext(text -> {
      if (probing != ws) {
        onWebSocketText(text);
        return;
      }
      if (text.equals("2probe")) {
        ws.writeTextMessage("3probe");
        if (pendingPoll != null) { // let the pending GET return so the client can pause polling
          outbox.add(EnginePacket.of(EnginePacket.Type.NOOP, null).encode());
          flushPoll();
        }
      } else if (text.equals("5")) {
        probing = null;
        attachWebSocket(ws);
        while (!outbox.isEmpty()) ws.writeTextMessage(outbox.poll());
        if (pendingPoll != null) {
          pendingPoll.end(EnginePacket.of(EnginePacket.Type.NOOP, null).encode());
          pendingPoll = null;
        }
      } else {
        ws.close((short) 1002, "bad upgrade");
      }
    }));
  }

  /** Transport callbacks fire on the connection's event loop; session state lives on {@link #context}. */
  private <T> Handler<T> onContext(Handler<T> h) {
    return t -> context.runOnContext(v -> h.handle(t));
  }

  private void onWebSocketText(String text) {
    try {
      receive(EnginePacket.decode(text));
    } catch (RuntimeException e) {
      close("parse error");
    }
  }

  private void flushPoll() {
    if (pendingPoll == null || outbox.isEmpty()) return;
    StringBuilder b = new StringBuilder();
    while (!outbox.isEmpty()) {
      if (!b.isEmpty()) b.append(EnginePacket.SEPARATOR);
      b.append(outbox.poll());
    }
    HttpServerResponse r = pendingPoll;
    pendingPoll = null;
    r.putHeader("content-type", "text/plain; charset=UTF-8").end(Buffer.buffer(b.toString()));
  }

  /** Ends the session and its transport; idempotent. */
  public void close(String reason) {
    if (closed) return;
    closed = true;
    if (pingTimer >= 0) context.owner().cancelTimer(pingTimer);
    if (timeoutTimer >= 0) context.owner().cancelTimer(timeoutTimer);
    server.remove(sid);
    if (pendingPoll != null) {
      pendingPoll.end(EnginePacket.of(EnginePacket.Type.CLOSE, null).encode());
      pendingPoll = null;
    }
    if (webSocket != null && !webSocket.isClosed()) webSocket.close();
    if (probing != null && !probing.isClosed()) probing.close();
    closeHandler.run();
  }
}

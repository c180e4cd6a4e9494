package io.thingtank.devices.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Socket.IO v5 layer over one {@link EngineSession}: the main namespace's CONNECT,
 * EVENTs (with acknowledgements) and DISCONNECT. Other namespaces are refused with
 * CONNECT_ERROR; a packet that does not parse closes the session, as socket.io's own server
 * does. Runs on the session's context.
 */
public final class SocketIoConnection {
  private final EngineSession session;
  private final String socketId;
  private final Handler handler;
  private boolean connected;

  /** What the application does with a connected socket. Called on the session's context. */
  public interface Handler {
    void onConnect(SocketIoConnection socket);

    /** An event; {@code ack} is null unless the client asked for an acknowledgement. */
    void onEvent(SocketIoConnection socket, String event, List<JsonNode> args, Consumer<JsonNode> ack);

    void onDisconnect(SocketIoConnection socket);
  }

  public SocketIoConnection(EngineSession session, String socketId, Handler handler) {
    this.session = session;
    this.socketId = socketId;
    this.handler = handler;
    session.messageHandler(this::onPacket);
    session.closeHandler(() -> {
      if (connected) {
        connected = false;
        handler.onDisconnect(this);
      }
    });
  }

  public String id() { return socketId; }

  public io.vertx.core.Context context() { return session.context(); }

  private void onPacket(String text) {
    SocketPacket p;
    try {
      p = SocketPacket.decode(text);
    } catch (IllegalArgumentException e) {
      session.close("parse error");
      return;
    }
    switch (p.type()) {
      case CONNECT -> {
        if (!p.namespace().equals("/")) {
          session.send(new SocketPacket(SocketPacket.Type.CONNECT_ERROR, p.namespace(), -1,
              JsonNodeFactory.instance.objectNode().put("message", "Invalid namespace")).encode());
          return;
        }
        if (connected) return;
        connected = true;
        session.send(new SocketPacket(SocketPacket.Type.CONNECT, "/", -1,
            JsonNodeFactory.instance.objectNode().put("sid", socketId)).encode());
        handler.onConnect(this);
      }
      case EVENT -> {
        if (!connected || !p.namespace().equals("/")) return;
        List<JsonNode> args = new ArrayList<>();
        p.data().forEach(args::add);
        String event = args.remove(0).asText();
        long ackId = p.ackId();
        Consumer<JsonNode> ack = ackId < 0 ? null : value -> {
          ArrayNode a = JsonNodeFactory.instance.arrayNode();
          a.add(value);
          session.send(new SocketPacket(SocketPacket.Type.ACK, "/", ackId, a).encode());
        };
        handler.onEvent(this, event, args, ack);
      }
      case DISCONNECT -> session.close("client namespace disconnect");
      default -> { } // ACKs of server emits: the hub never asks for them
    }
  }

  /** Emits {@code event} with one argument. Safe from any thread. */
  public void emit(String event, JsonNode arg) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    a.add(event);
    a.add(arg);
    String packet = new SocketPacket(SocketPacket.Type.EVENT, "/", -1, a).encode();
    if (io.vertx.core.Vertx.currentContext() == session.context()) session.send(packet);
    else session.context().runOnContext(v -> session.send(packet));
  }

  public void disconnect() { session.close("server disconnect"); }
}

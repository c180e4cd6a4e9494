package io.thingtank.wamp.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.thingtank.wamp.router.Router;
import io.thingtank.wamp.wire.Encoded;
import io.thingtank.wamp.wire.Encoding;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;
import java.util.List;
import java.util.Map;

/**
 * WAMP over WebSocket (WAMP §5.3.1) at {@code /ws} of the web port: the negotiated
 * sub-protocol picks the serializer ({@code wamp.2.json}: text frames; msgpack and cbor:
 * binary; {@code .batched} variants). Runs on the web listener's event loop.
 */
public final class WebSocketEndpoint implements Handler<HttpServerRequest> {
  public static final List<String> SUB_PROTOCOLS = List.of("wamp.2.json", "wamp.2.msgpack", "wamp.2.cbor",
      "wamp.2.json.batched", "wamp.2.msgpack.batched", "wamp.2.cbor.batched");
  /** Vert.x's default maxWebSocketFrameSize: what every client accepts in one frame. */
  private static final int SINGLE_FRAME = 65536;
  private final Router router;

  public WebSocketEndpoint(Router router) { this.router = router; }

  @Override
  public void handle(HttpServerRequest req) {
    if (!"websocket".equalsIgnoreCase(req.getHeader("upgrade"))) {
      req.response().setStatusCode(426).putHeader("content-type", "text/plain")
          .end("WAMP endpoint: connect with WebSocket and one of " + SUB_PROTOCOLS + "\n");
      return;
    }
    req.toWebSocket().onSuccess(this::accept);
  }

  private void accept(ServerWebSocket ws) {
    Encoding enc = Encoding.ofSubProtocol(ws.subProtocol());
    if (enc == null) {
      // WAMP §5.3.1: a WAMP router must refuse a WebSocket without a WAMP sub-protocol.
      ws.close((short) 1002, "no WAMP sub-protocol negotiated");
      return;
    }
    boolean text = enc.serializer().text();
    ChannelHandlerContext vertxHandler = ((WebSocketInternal) ws).channelHandlerContext();
    OutboundQueue out = new OutboundQueue(vertxHandler, ws::close);
    Transport t = new Transport() {
      @Override public void write(Encoded m) {
        if (!out.add(frames(vertxHandler.alloc(), text, m.bytes()), m.length())) {
          ws.close((short) 1008, "reading too slowly");
        }
      }

      @Override public void close() { out.close(); }

      @Override public int maxOutbound() { return Integer.MAX_VALUE; }

      @Override public Map<String, Object> details() {
        return Map.of("type", "websocket", "protocol", ws.subProtocol(),
            "peer", String.valueOf(ws.remoteAddress()));
      }
    };
    WampConnection c = new WampConnection(router, enc, t);
    WebSocketMessages messages = new WebSocketMessages(c::onFrame, () -> ws.close((short) 1009, "message too big"));
    ws.frameHandler(messages::vertxFrame);
    vertxHandler.pipeline().addBefore(vertxHandler.name(), "wamp-messages", messages);
    long keepalive = router.config().keepaliveMillis();
    // WebSocket keepalive: a PING every keepaliveMs (the client's PONG keeps NATs and proxies open).
    long timer = keepalive > 0 ? io.vertx.core.Vertx.currentContext().owner()
        .setPeriodic(keepalive, id -> ws.writePing(Buffer.buffer("thingtank"))) : -1;
    ws.closeHandler(v -> {
      if (timer >= 0) io.vertx.core.Vertx.currentContext().owner().cancelTimer(timer);
      c.onClose();
    });
    ws.exceptionHandler(e -> ws.close());
  }

  /**
   * One message as one final frame of the encoded bytes (a JSON text frame carries the UTF-8
   * bytes as they are), or fragmented into frames of at most 64 KiB (RFC 6455 §5.4), which
   * every client accepts.
   */
  private static Object frames(ByteBufAllocator alloc, boolean text, byte[] bytes) {
    int opcode = text ? 0x1 : 0x2;
    if (bytes.length <= SINGLE_FRAME) return frame(alloc, opcode, true, bytes, 0, bytes.length);
    Object[] parts = new Object[(bytes.length + SINGLE_FRAME - 1) / SINGLE_FRAME];
    for (int i = 0; i < parts.length; i++) {
      int from = i * SINGLE_FRAME;
      // the first fragment carries the message's opcode, the others are continuations (0x0)
      parts[i] = frame(alloc, i == 0 ? opcode : 0x0, i == parts.length - 1, bytes, from,
          Math.min(SINGLE_FRAME, bytes.length - from));
    }
    return parts;
  }

  /**
   * An unmasked frame as its wire bytes (RFC 6455 §5.2; a server never masks), written past
   * Netty's frame encoder, which lets a ByteBuf through as it is: one buffer, no frame object.
   * Uncompressed even when permessage-deflate was negotiated, which RFC 7692 §6 allows (RSV1 clear).
   */
  private static ByteBuf frame(ByteBufAllocator alloc, int opcode, boolean fin, byte[] payload, int from, int n) {
    ByteBuf b = alloc.directBuffer(n + (n < 126 ? 2 : n <= 0xFFFF ? 4 : 10));
    b.writeByte((fin ? 0x80 : 0) | opcode);
    if (n < 126) {
      b.writeByte(n);
    } else if (n <= 0xFFFF) {
      b.writeByte(126).writeShort(n);
    } else {
      b.writeByte(127).writeLong(n);
    }
    return b.writeBytes(payload, from, n);
  }
}

package io.thingtank.wamp.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.thingtank.wamp.router.Router;
import io.thingtank.wamp.wire.Encoded;
import io.thingtank.wamp.wire.Encoding;
import io.thingtank.wamp.wire.Serializer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;
import java.util.Map;

/**
 * One RawSocket TCP connection: the opening handshake (serializer and maximum lengths), then
 * framed messages handed to a {@link WampConnection}; answers PING with PONG. A frame longer
 * than the length we announced, or reserved bits set, closes the connection (WAMP §14.5.3, RawSocket).
 * Runs on the listener's event loop.
 */
final class RawSocketConnection implements Transport {
  private final NetSocket socket;
  private final Router router;
  private final int ourExponent;
  private final OutboundQueue out;
  private Buffer pending = Buffer.buffer();
  private WampConnection wamp;
  private int theirMax;

  RawSocketConnection(NetSocket socket, Router router) {
    this.socket = socket;
    this.router = router;
    this.ourExponent = RawSocketFraming.lengthExponent(router.maxMessageSize());
    this.out = new OutboundQueue(((NetSocketInternal) socket).channelHandlerContext(), socket::close);
    socket.handler(this::onData);
    long keepalive = router.config().keepaliveMillis();
    // RawSocket keepalive (WAMP §14.5.3): a PING frame every keepaliveMs; the peer answers PONG.
    long timer = keepalive > 0 ? io.vertx.core.Vertx.currentContext().owner().setPeriodic(keepalive,
        id -> socket.write(RawSocketFraming.frame(RawSocketFraming.PING, new byte[0]))) : -1;
    socket.closeHandler(v -> {
      if (timer >= 0) io.vertx.core.Vertx.currentContext().owner().cancelTimer(timer);
      if (wamp != null) wamp.onClose();
    });
    socket.exceptionHandler(e -> socket.close());
  }

  private void onData(Buffer data) {
    pending.appendBuffer(data);
    if (wamp == null && !handshake()) return;
    int pos = 0;
    int ourMax = RawSocketFraming.maxLength(ourExponent);
    while (pending.length() - pos >= 4) {
      int header = pending.getInt(pos);
      int type = header >>> 24;
      int len = header & 0xFFFFFF;
      if (type > RawSocketFraming.PONG || len > ourMax) {
        socket.close();
        return;
      }
      if (pending.length() - pos - 4 < len) break;
      byte[] payload = pending.getBytes(pos + 4, pos + 4 + len);
      pos += 4 + len;
      switch (type) {
        case RawSocketFraming.PING -> socket.write(RawSocketFraming.frame(RawSocketFraming.PONG, payload));
        case RawSocketFraming.MESSAGE -> wamp.onFrame(payload);
        default -> { }
      }
    }
    pending = pos == pending.length() ? Buffer.buffer() : pending.getBuffer(pos, pending.length());
  }

  /** Consumes the 4-byte client handshake; false while incomplete or when refused. */
  private boolean handshake() {
    if (pending.length() < 4) return false;
    int magic = pending.getUnsignedByte(0);
    int b1 = pending.getUnsignedByte(1);
    if (magic != RawSocketFraming.MAGIC) {
      socket.close();
      return false;
    }
    if (pending.getByte(2) != 0 || pending.getByte(3) != 0) {
      refuse(RawSocketFraming.ERR_RESERVED_BITS);
      return false;
    }
    Serializer s = Serializer.byRawSocketId(b1 & 0x0F);
    if (s == null) {
      refuse(RawSocketFraming.ERR_SERIALIZER);
      return false;
    }
    theirMax = RawSocketFraming.maxLength(b1 >>> 4);
    socket.write(RawSocketFraming.handshakeReply(ourExponent, s));
    wamp = new WampConnection(router, new Encoding(s, false), this);
    pending = pending.getBuffer(4, pending.length());
    return true;
  }

  private void refuse(int code) {
    socket.write(RawSocketFraming.handshakeError(code)).onComplete(v -> socket.close());
  }

  @Override
  public void write(Encoded encoded) {
    byte[] message = encoded.bytes();
    ByteBuf frame = Unpooled.buffer(4 + message.length)
        .writeInt((RawSocketFraming.MESSAGE << 24) | message.length).writeBytes(message);
    if (!out.add(frame, frame.readableBytes())) socket.close();
  }

  @Override public void close() { out.close(); }

  @Override public int maxOutbound() { return theirMax; }

  @Override public Map<String, Object> details() {
    return Map.of("type", "rawsocket", "peer", String.valueOf(socket.remoteAddress()));
  }
}

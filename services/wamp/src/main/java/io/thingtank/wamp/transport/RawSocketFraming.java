package io.thingtank.wamp.transport;

import io.thingtank.wamp.wire.Serializer;
import io.vertx.core.buffer.Buffer;

/**
 * RawSocket byte layout (WAMP §14.5.3, RawSocket). Handshake: {@code 0x7F, LLLL SSSS, 0x00, 0x00} where
 * the maximum message length is {@code 2^(9+LLLL)} and SSSS the serializer; an error reply is
 * {@code 0x7F, EEEE 0000, 0, 0}. Frames: a 4-byte header (5 reserved bits, 3-bit type:
 * 0 message, 1 PING, 2 PONG; then a 24-bit length) and the payload.
 */
final class RawSocketFraming {
  static final int MAGIC = 0x7F;
  static final int MESSAGE = 0, PING = 1, PONG = 2;
  static final int ERR_SERIALIZER = 1, ERR_MAX_LENGTH = 2, ERR_RESERVED_BITS = 3;

  private RawSocketFraming() {}

  /** The length exponent LLLL for a byte limit (largest with 2^(9+L) <= limit, 0..15). */
  static int lengthExponent(int maxBytes) {
    int l = 0;
    while (l < 15 && (1L << (9 + l + 1)) <= maxBytes) l++;
    return l;
  }

  static int maxLength(int exponent) { return exponent >= 15 ? (1 << 24) : 1 << (9 + exponent); }

  static Buffer handshakeReply(int exponent, Serializer s) {
    return Buffer.buffer(new byte[] {(byte) MAGIC, (byte) ((exponent << 4) | s.rawSocketId()), 0, 0});
  }

  static Buffer handshakeError(int code) {
    return Buffer.buffer(new byte[] {(byte) MAGIC, (byte) (code << 4), 0, 0});
  }

  static Buffer frame(int type, byte[] payload) {
    return Buffer.buffer(4 + payload.length).appendInt((type << 24) | payload.length).appendBytes(payload);
  }
}

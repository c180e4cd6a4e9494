package io.thingtank.wamp.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Batched WebSocket sub-protocols ({@code wamp.2.json.batched}, ...): JSON messages are each
 * followed by the 0x18 separator; binary messages are each preceded by a 32-bit big-endian
 * length. One WebSocket message may carry several WAMP messages.
 */
public final class Batching {
  private static final byte JSON_SEPARATOR = 0x18;

  private Batching() {}

  /** Splits one WebSocket message into the encoded WAMP messages it carries. */
  public static List<byte[]> split(Serializer s, byte[] frame) {
    List<byte[]> out = new ArrayList<>();
    if (s == Serializer.JSON) {
      int start = 0;
      for (int i = 0; i < frame.length; i++) {
        if (frame[i] == JSON_SEPARATOR) {
          if (i > start) out.add(java.util.Arrays.copyOfRange(frame, start, i));
          start = i + 1;
        }
      }
      if (start < frame.length) out.add(java.util.Arrays.copyOfRange(frame, start, frame.length));
      return out;
    }
    int pos = 0;
    while (pos < frame.length) {
      if (pos + 4 > frame.length) throw new MalformedMessageException("truncated batch length");
      int len = ((frame[pos] & 0xFF) << 24) | ((frame[pos + 1] & 0xFF) << 16)
          | ((frame[pos + 2] & 0xFF) << 8) | (frame[pos + 3] & 0xFF);
      pos += 4;
      if (len < 0 || pos + len > frame.length) throw new MalformedMessageException("truncated batch item");
      out.add(java.util.Arrays.copyOfRange(frame, pos, pos + len));
      pos += len;
    }
    return out;
  }

  /** Frames one encoded message as a batch of one. */
  public static byte[] wrap(Serializer s, byte[] message) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(message.length + 4);
    if (s == Serializer.JSON) {
      b.writeBytes(message);
      b.write(JSON_SEPARATOR);
    } else {
      int n = message.length;
      b.write(n >>> 24); b.write(n >>> 16); b.write(n >>> 8); b.write(n);
      b.writeBytes(message);
    }
    return b.toByteArray();
  }
}

package io.thingtank.wamp.wire;

import java.nio.charset.StandardCharsets;

/**
 * One message encoded for one {@link Encoding}, shared by every peer it goes to. A JSON
 * message goes out in WebSocket text frames, which Vert.x takes as a String: the String is
 * made once, on first use, not once per subscriber. Safe to share across threads.
 */
public final class Encoded {
  private final byte[] bytes;
  private volatile String text;

  public Encoded(byte[] bytes) { this.bytes = bytes; }

  public byte[] bytes() { return bytes; }

  public int length() { return bytes.length; }

  /** The UTF-8 text of a JSON message (racing threads may each build it; all get equal Strings). */
  public String text() {
    String t = text;
    if (t == null) text = t = new String(bytes, StandardCharsets.UTF_8);
    return t;
  }
}

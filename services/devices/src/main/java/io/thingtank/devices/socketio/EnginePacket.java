package io.thingtank.devices.socketio;

/**
 * One Engine.IO v4 packet (engine.io-protocol v4, "Packet encoding"): a type digit
 * ({@code 0} open, {@code 1} close, {@code 2} ping, {@code 3} pong, {@code 4} message,
 * {@code 5} upgrade, {@code 6} noop) followed by its data. Binary payloads are not supported
 * by the hub (SkyNet's API is JSON) and decode as {@link Type#MESSAGE} with binary set.
 */
public record EnginePacket(Type type, String data, boolean binary) {
  /** Over HTTP long-polling, packets of one payload are separated by U+001E (v4 §"Payload encoding"). */
  public static final char SEPARATOR = '\u001e';

  public enum Type { OPEN, CLOSE, PING, PONG, MESSAGE, UPGRADE, NOOP }

  public static EnginePacket of(Type type, String data) { return new EnginePacket(type, data, false); }

  public static EnginePacket message(String data) { return of(Type.MESSAGE, data); }

  /** Decodes a text packet; throws {@link IllegalArgumentException} on a bad type. */
  public static EnginePacket decode(String text) {
    if (text.isEmpty()) throw new IllegalArgumentException("empty Engine.IO packet");
    if (text.charAt(0) == 'b') return new EnginePacket(Type.MESSAGE, text.substring(1), true);
    int t = text.charAt(0) - '0';
    if (t < 0 || t >= Type.values().length) throw new IllegalArgumentException("bad Engine.IO packet type");
    return new EnginePacket(Type.values()[t], text.substring(1), false);
  }

  public String encode() { return type.ordinal() + (data == null ? "" : data); }
}

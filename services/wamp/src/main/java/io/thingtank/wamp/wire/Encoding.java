package io.thingtank.wamp.wire;

/**
 * How one peer wants its messages: a serializer and, on WebSocket, whether messages are
 * batched. Messages are encoded once per {@code Encoding} and the bytes shared by every peer
 * that uses it (an EVENT to 10,000 JSON subscribers is serialized once).
 */
public record Encoding(Serializer serializer, boolean batched) {
  public static Encoding ofSubProtocol(String subProtocol) {
    if (subProtocol == null) return null;
    boolean batched = subProtocol.endsWith(".batched");
    String base = batched ? subProtocol.substring(0, subProtocol.length() - ".batched".length()) : subProtocol;
    return switch (base) {
      case "wamp.2.json" -> new Encoding(Serializer.JSON, batched);
      case "wamp.2.msgpack" -> new Encoding(Serializer.MSGPACK, batched);
      case "wamp.2.cbor" -> new Encoding(Serializer.CBOR, batched);
      default -> null;
    };
  }

  /** A dense index 0..5 for per-encoding caches. */
  public int index() { return serializer.ordinal() * 2 + (batched ? 1 : 0); }

  public static final int COUNT = 6;

  public byte[] encode(java.util.List<Object> message) {
    byte[] b = serializer.encode(message);
    return batched ? Batching.wrap(serializer, b) : b;
  }
}

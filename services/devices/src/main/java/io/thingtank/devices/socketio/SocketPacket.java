package io.thingtank.devices.socketio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One Socket.IO v5 packet (socket.io-protocol v5, "Packet format"):
 * {@code <type>[<#attachments>-][<namespace>,][<ack id>][JSON data]}. Types: 0 CONNECT,
 * 1 DISCONNECT, 2 EVENT, 3 ACK, 4 CONNECT_ERROR, 5 BINARY_EVENT, 6 BINARY_ACK.
 * {@code ackId} is -1 when absent; {@code data} may be null.
 */
public record SocketPacket(Type type, String namespace, long ackId, JsonNode data) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public enum Type { CONNECT, DISCONNECT, EVENT, ACK, CONNECT_ERROR, BINARY_EVENT, BINARY_ACK }

  /** Parses a packet; throws {@link IllegalArgumentException} on anything malformed. */
  public static SocketPacket decode(String text) {
    if (text.isEmpty()) throw new IllegalArgumentException("empty Socket.IO packet");
    int t = text.charAt(0) - '0';
    if (t < 0 || t >= Type.values().length) throw new IllegalArgumentException("bad Socket.IO packet type");
    Type type = Type.values()[t];
    int i = 1;
    if (type == Type.BINARY_EVENT || type == Type.BINARY_ACK) {
      throw new IllegalArgumentException("binary Socket.IO packets are not supported");
    }
    String nsp = "/";
    if (i < text.length() && text.charAt(i) == '/') {
      int comma = text.indexOf(',', i);
      nsp = comma < 0 ? text.substring(i) : text.substring(i, comma);
      i = comma < 0 ? text.length() : comma + 1;
    }
    int start = i;
    while (i < text.length() && Character.isDigit(text.charAt(i)) && i - start < 18) i++;
    long ack = i > start ? Long.parseLong(text.substring(start, i)) : -1;
    JsonNode data = null;
    if (i < text.length()) {
      try {
        data = JSON.readTree(text.substring(i));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("bad Socket.IO payload JSON");
      }
    }
    if ((type == Type.EVENT || type == Type.ACK) && (data == null || !data.isArray())) {
      throw new IllegalArgumentException("EVENT and ACK payloads must be arrays");
    }
    if (type == Type.EVENT && (data.isEmpty() || !data.get(0).isTextual())) {
      throw new IllegalArgumentException("EVENT needs an event name");
    }
    return new SocketPacket(type, nsp, ack, data);
  }

  public String encode() {
    StringBuilder b = new StringBuilder().append(type.ordinal());
    if (!namespace.equals("/")) b.append(namespace).append(',');
    if (ackId >= 0) b.append(ackId);
    if (data != null) {
      try {
        b.append(JSON.writeValueAsString(data));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return b.toString();
  }
}

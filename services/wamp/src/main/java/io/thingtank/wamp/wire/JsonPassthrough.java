package io.thingtank.wamp.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Payload passthrough for JSON: reading a PUBLISH, CALL, YIELD or ERROR decodes the header
 * (type, ids, options, URI) and keeps Arguments and ArgumentsKw as their bytes
 * ({@link RawJson}); writing a message whose payload is such bytes splices them in after the
 * encoded header instead of encoding the payload again. Payloads with binary (WAMP §5.2.1,
 * {@code "\u0000..."} strings) are decoded at once, as before. Stateless.
 */
final class JsonPassthrough {
  private static final byte[] ESCAPED_NUL = "\\u0000".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private JsonPassthrough() {}

  /** Index of Arguments in a client-to-router message of {@code type} (WAMP §6.5), or MAX_VALUE. */
  private static int firstPayload(int type) {
    return switch (type) {
      case 16, 48 -> 4; // PUBLISH, CALL
      case 70 -> 3;     // YIELD
      case 8 -> 5;      // ERROR
      default -> Integer.MAX_VALUE;
    };
  }

  static List<Object> decode(ObjectMapper mapper, byte[] bytes, int offset, int length) throws IOException {
    try (JsonParser p = mapper.getFactory().createParser(bytes, offset, length)) {
      if (p.nextToken() != JsonToken.START_ARRAY) throw new MalformedMessageException("message is not an array");
      List<Object> out = new ArrayList<>(7);
      int payloadFrom = Integer.MAX_VALUE;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t == null) throw new MalformedMessageException("truncated message");
        if (out.size() >= payloadFrom && (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT)) {
          // token offsets count from the start of the parsed range
          int start = offset + (int) p.currentTokenLocation().getByteOffset();
          p.skipChildren();
          int end = offset + (int) p.currentLocation().getByteOffset();
          out.add(raw(mapper, bytes, start, end - start, t == JsonToken.START_ARRAY));
        } else {
          Object v = scalar(p, t);
          if (v == null && t != JsonToken.VALUE_NULL) v = JsonBinary.decodeStrings(mapper.readValue(p, Object.class));
          if (out.isEmpty() && v instanceof Long type) payloadFrom = firstPayload(type.intValue());
          out.add(v);
        }
      }
      return out;
    }
  }

  /**
   * The value of an integer, a plain string or an empty object, read off the parser (no Jackson
   * databind call per header element); null for anything else, which the caller hands to the
   * mapper (a non-empty object then from its first field name, which Jackson reads as an object).
   */
  private static Object scalar(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.START_OBJECT) return p.nextToken() == JsonToken.END_OBJECT ? new LinkedHashMap<>() : null;
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) return p.getLongValue();
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText();
      return s.isEmpty() || s.charAt(0) != '\u0000' ? s : null;
    }
    return null;
  }

  private static Object raw(ObjectMapper mapper, byte[] bytes, int start, int length, boolean list) throws IOException {
    if (contains(bytes, start, length, ESCAPED_NUL)) {
      return JsonBinary.decodeStrings(mapper.readValue(bytes, start, length, Object.class));
    }
    return list ? new RawJsonList(bytes, start, length) : new RawJsonMap(bytes, start, length);
  }

  private static boolean contains(byte[] bytes, int start, int length, byte[] needle) {
    int last = start + length - needle.length;
    outer:
    for (int i = start; i <= last; i++) {
      for (int j = 0; j < needle.length; j++) if (bytes[i + j] != needle[j]) continue outer;
      return true;
    }
    return false;
  }

  /** Encodes {@code message}, splicing in the bytes of {@link RawJson} elements. */
  static byte[] encode(ObjectMapper mapper, List<Object> message) throws IOException {
    JsonOut out = JsonOut.open();
    try {
      JsonHead.write(message, out, mapper);
      return out.toByteArray();
    } finally {
      out.release();
    }
  }
}

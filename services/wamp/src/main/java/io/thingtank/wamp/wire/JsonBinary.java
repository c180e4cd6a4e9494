package io.thingtank.wamp.wire;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * WAMP §5.2.1 and §15: in JSON, a string starting with {@code \0} holds Base64 binary. Decoded
 * messages get {@code byte[]} in place of such strings, so every serializer yields the same
 * values and a JSON publisher's binary reaches a MessagePack subscriber as binary.
 */
final class JsonBinary {
  private JsonBinary() {}

  @SuppressWarnings("unchecked")
  static <T> T decodeStrings(T value) {
    switch (value) {
      case String s when !s.isEmpty() && s.charAt(0) == '\u0000' -> {
        try {
          return (T) Base64.getDecoder().decode(s.substring(1));
        } catch (IllegalArgumentException e) {
          throw new MalformedMessageException("bad Base64 in binary string");
        }
      }
      case List<?> l -> {
        List<Object> list = (List<Object>) l;
        for (int i = 0; i < list.size(); i++) list.set(i, decodeStrings(list.get(i)));
      }
      case Map<?, ?> m -> {
        for (Map.Entry<Object, Object> e : ((Map<Object, Object>) m).entrySet()) {
          e.setValue(decodeStrings(e.getValue()));
        }
      }
      case null, default -> { }
    }
    return value;
  }
}

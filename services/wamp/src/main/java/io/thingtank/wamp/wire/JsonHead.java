package io.thingtank.wamp.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes the values a WAMP message header holds (numbers, strings, booleans, null, and maps and
 * lists of them: ids, URIs, Details and Options) as JSON (RFC 8259) straight into the output,
 * without a Jackson generator per message; anything else (binary, spliced payloads, other
 * numbers) goes to {@link RawJson#writeTo} or Jackson. Stateless.
 */
final class JsonHead {
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private JsonHead() {}

  static void write(Object v, JsonOut out, ObjectMapper fallback) throws IOException {
    switch (v) {
      case null -> out.write(NULL, 0, NULL.length);
      case Long l -> out.writeLong(l);
      case Integer i -> out.writeLong(i);
      case String s -> writeString(s, out);
      case Boolean b -> out.write(b ? TRUE : FALSE, 0, b ? 4 : 5);
      case RawJson r -> r.writeTo(out);
      case Map<?, ?> m -> {
        out.write('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (!first) out.write(',');
          first = false;
          writeString(String.valueOf(e.getKey()), out);
          out.write(':');
          write(e.getValue(), out, fallback);
        }
        out.write('}');
      }
      case List<?> list -> {
        out.write('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) out.write(',');
          write(list.get(i), out, fallback);
        }
        out.write(']');
      }
      default -> out.write(fallback.writeValueAsBytes(v));
    }
  }

  /** A JSON string: quote, backslash and control characters escaped, the rest as UTF-8. */
  private static void writeString(String s, JsonOut out) {
    out.write('"');
    int plainFrom = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out.writeUtf8(s, plainFrom, i);
      out.write('\\');
      switch (c) {
        case '"', '\\' -> out.write(c);
        case '\n' -> out.write('n');
        case '\r' -> out.write('r');
        case '\t' -> out.write('t');
        default -> {
          out.write('u');
          out.write('0');
          out.write('0');
          out.write(HEX[c >> 4]);
          out.write(HEX[c & 0xF]);
        }
      }
      plainFrom = i + 1;
    }
    out.writeUtf8(s, plainFrom, s.length());
    out.write('"');
  }
}

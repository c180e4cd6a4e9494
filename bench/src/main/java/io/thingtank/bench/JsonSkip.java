package io.thingtank.bench;

import io.vertx.core.buffer.Buffer;

/** Finds where a JSON value ends in a buffer without parsing it (RFC 8259 strings, arrays, objects, scalars). */
final class JsonSkip {
  private JsonSkip() {}

  /** The index just after the value that starts at {@code at}. */
  static int value(Buffer b, int at) {
    int depth = 0;
    boolean inString = false;
    for (int i = at; i < b.length(); i++) {
      byte c = b.getByte(i);
      if (inString) {
        if (c == '\\') i++;
        else if (c == '"') {
          inString = false;
          if (depth == 0) return i + 1;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        if (depth == 0) return i;
        if (--depth == 0) return i + 1;
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return b.length();
  }
}

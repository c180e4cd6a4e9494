package io.thingtank.wamp.wire;


/**
 * A message's Arguments or ArgumentsKw kept as the JSON bytes it arrived in (payload
 * passthrough): a JSON peer gets these bytes spliced into its EVENT, INVOCATION or RESULT as
 * they are; anyone else (another serializer, the bus, the store) reads the value, which is
 * decoded on first use. The bytes were checked to be well-formed JSON when the message was read.
 * Immutable once decoded; safe to share across threads.
 */
public sealed interface RawJson permits RawJsonList, RawJsonMap {
  /** Appends the JSON bytes of the value to {@code out}. */
  void writeTo(JsonOut out);

  /** Whether the JSON text from {@code offset} is an empty array or object ({@code []}, {@code { }}). */
  static boolean emptyContainer(byte[] json, int offset, int length) {
    int end = offset + length;
    for (int i = offset + 1; i < end; i++) {
      byte b = json[i];
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') return b == ']' || b == '}';
    }
    return false;
  }
}

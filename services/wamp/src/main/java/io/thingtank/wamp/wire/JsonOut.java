package io.thingtank.wamp.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of one JSON message being written: a growable array without the locking of
 * {@link java.io.ByteArrayOutputStream}, with integers and ASCII strings written in place. Each
 * thread reuses one ({@link #open} ... {@link #release}); a nested use on the same thread gets a
 * fresh one. One thread.
 */
final class JsonOut {
  private static final ThreadLocal<JsonOut> LOCAL = ThreadLocal.withInitial(() -> new JsonOut(512));
  /** A reused buffer that grew beyond this is dropped, so one huge message does not stay in memory. */
  private static final int KEEP = 64 * 1024;

  private byte[] buf;
  private int size;
  private boolean open;

  private JsonOut(int capacity) { buf = new byte[capacity]; }

  /** This thread's buffer, emptied; {@link #release} it when the message is taken. */
  static JsonOut open() {
    JsonOut o = LOCAL.get();
    if (o.open) o = new JsonOut(256);
    o.open = true;
    o.size = 0;
    return o;
  }

  /** The bytes written so far, copied. */
  byte[] toByteArray() { return Arrays.copyOf(buf, size); }

  /** Frees the buffer for the thread's next message. */
  void release() {
    open = false;
    if (buf.length > KEEP) buf = new byte[512];
  }

  void write(int b) {
    if (size == buf.length) grow(1);
    buf[size++] = (byte) b;
  }

  void write(byte[] b, int off, int len) {
    if (size + len > buf.length) grow(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  void write(byte[] b) { write(b, 0, b.length); }

  /** A decimal integer. */
  void writeLong(long v) {
    if (v < 0) {
      if (v == Long.MIN_VALUE) {
        write(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
        return;
      }
      write('-');
      v = -v;
    }
    int digits = 1;
    for (long p = 10; digits < 19 && v >= p; p *= 10) digits++;
    if (size + digits > buf.length) grow(digits);
    for (int i = size + digits - 1; i >= size; i--, v /= 10) buf[i] = (byte) ('0' + v % 10);
    size += digits;
  }

  /**
   * The characters {@code from..to} of {@code s} as UTF-8: ASCII copied as it is, anything else
   * through the JDK's encoder.
   */
  void writeUtf8(String s, int from, int to) {
    if (size + (to - from) > buf.length) grow(to - from);
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        write(s.substring(i, to).getBytes(StandardCharsets.UTF_8));
        return;
      }
      buf[size++] = (byte) c;
    }
  }

  private void grow(int more) {
    buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
  }
}

package io.thingtank.s3.wire;

import io.thingtank.s3.S3Errors;

/**
 * A satisfiable byte range of an object (RFC 7233 §2.1): {@code bytes=a-b}, {@code bytes=a-},
 * {@code bytes=-n}. A header S3 cannot parse (or several ranges) is ignored and the whole
 * object is returned, as S3 does; a range starting past the end is InvalidRange (416).
 */
public record ByteRange(long first, long last) {
  public long length() { return last - first + 1; }

  public String contentRange(long size) { return "bytes " + first + "-" + last + "/" + size; }

  /** The range, or null for the whole object. */
  public static ByteRange parse(String header, long size) {
    if (header == null) return null;
    String h = header.trim();
    if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) return null;
    String spec = h.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) return null;
    try {
      String a = spec.substring(0, dash).trim(), b = spec.substring(dash + 1).trim();
      if (a.isEmpty()) {
        if (b.isEmpty()) return null;
        long n = Long.parseLong(b);
        if (n <= 0) throw S3Errors.invalidRange();
        if (size == 0) throw S3Errors.invalidRange();
        return new ByteRange(Math.max(0, size - n), size - 1);
      }
      long first = Long.parseLong(a);
      long last = b.isEmpty() ? size - 1 : Long.parseLong(b);
      if (first >= size) throw S3Errors.invalidRange();
      if (last < first) return null;
      return new ByteRange(first, Math.min(last, size - 1));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

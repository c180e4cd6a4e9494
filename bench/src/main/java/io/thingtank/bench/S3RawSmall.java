package io.thingtank.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * PutObject and GetObject of small bodies over blocking HTTP/1.1 (RFC 9112) keep-alive sockets, on
 * the calling thread: each thread has its own connection, its own {@link SigV4Signer} and buffer.
 * Every request is signed; the request head and body leave in one write; the response is read
 * into the connection's buffer. Checks the status, a PUT's {@code ETag} (the body's MD5, computed
 * before the run) and a GET's {@code Content-Length} and every body byte. The same work for every
 * target: only the HTTP client library is gone. Thread-safe (thread-confined state).
 */
final class S3RawSmall implements AutoCloseable {
  private static final int HEAD_MAX = 16 << 10;
  private final InetSocketAddress address;
  private final String hostHeader;
  private final ThreadLocal<SigV4Signer> signers;
  private final ThreadLocal<Connection> connections = new ThreadLocal<>();
  private final ConcurrentLinkedQueue<Connection> opened = new ConcurrentLinkedQueue<>();

  S3RawSmall(URI endpoint, String keyId, String secret) {
    this.address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
    this.hostHeader = endpoint.getHost() + ":" + endpoint.getPort();
    this.signers = ThreadLocal.withInitial(() -> new SigV4Signer(keyId, secret, "us-east-1"));
  }

  /** PUT /bucket/key with {@code body}; fails unless the answer is 200 with ETag {@code "etag"}. */
  void put(String bucket, String key, byte[] body, String etag) throws IOException {
    exchange("PUT", "/" + bucket + "/" + key, body, (c, head) -> {
      if (!head.etagIs(c.buf, etag)) throw new IOException("PUT " + key + ": ETag " + head.etag(c.buf) + ", want " + etag);
      c.skipBody(head.contentLength());
    });
  }

  /** GET /bucket/key; fails unless the answer is 200 and its body is exactly {@code expected}. */
  void get(String bucket, String key, byte[] expected) throws IOException {
    exchange("GET", "/" + bucket + "/" + key, null, (c, head) -> {
      if (head.contentLength() != expected.length) {
        throw new IOException("GET " + key + ": Content-Length " + head.contentLength() + ", PUT " + expected.length);
      }
      int at = c.readBody(expected.length);
      if (!Arrays.equals(c.buf, at, at + expected.length, expected, 0, expected.length)) {
        throw new IOException("GET " + key + ": body differs from what was PUT");
      }
    });
  }

  @Override public void close() {
    for (Connection c; (c = opened.poll()) != null; ) c.close();
  }

  /** Reads and checks what follows a 200 response head. */
  private interface BodyCheck {
    void check(Connection c, Head head) throws IOException;
  }

  private void exchange(String method, String path, byte[] body, BodyCheck check) throws IOException {
    Connection c = connections.get();
    if (c == null) {
      c = new Connection(address);
      connections.set(c);
      opened.add(c);
    }
    try {
      c.send(method, path, body, signers.get().signature(method, hostHeader, path));
      Head head = c.readHead();
      if (head.status() != 200) {
        throw new IOException("HTTP " + head.status() + " for " + method + " " + path + ": "
            + new String(c.buf, c.readBody(head.contentLength()), (int) head.contentLength(), StandardCharsets.UTF_8));
      }
      check.check(c, head);
      if (c.start != c.end) throw new IOException(method + " " + path + ": bytes after the response");
      if (!head.keepAlive()) drop(c);
    } catch (IOException | RuntimeException e) {
      drop(c);
      throw e;
    }
  }

  private void drop(Connection c) {
    connections.remove();
    opened.remove(c);
    c.close();
  }

  /** One keep-alive connection and its buffer; {@code buf[start, end)} holds bytes received but not consumed. */
  private final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    byte[] buf = new byte[64 << 10];
    int start;
    int end;

    Connection(InetSocketAddress address) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(address, (int) S3HttpClient.IDLE_TIMEOUT_MS);
      socket.setSoTimeout((int) S3HttpClient.IDLE_TIMEOUT_MS);
      in = socket.getInputStream();
      out = socket.getOutputStream();
    }

    /** The request head (and body) in one write. */
    void send(String method, String path, byte[] body, SigV4Signer.Signature sig) throws IOException {
      String head = method + " " + path + " HTTP/1.1\r\nHost: " + hostHeader
          + "\r\nx-amz-content-sha256: " + SigV4Signer.UNSIGNED + "\r\nx-amz-date: " + sig.amzDate()
          + "\r\nAuthorization: " + sig.authorization()
          + (body == null ? "\r\n\r\n" : "\r\nContent-Length: " + body.length + "\r\n\r\n");
      int length = head.length() + (body == null ? 0 : body.length);
      if (buf.length < length) buf = new byte[length];
      for (int i = 0; i < head.length(); i++) buf[i] = (byte) head.charAt(i); // the path and headers are ASCII
      if (body != null) System.arraycopy(body, 0, buf, head.length(), body.length);
      out.write(buf, 0, length);
      start = 0;
      end = 0;
    }

    /** Reads up to the blank line after the head and consumes the head. */
    Head readHead() throws IOException {
      int scanned = start;
      while (true) {
        for (int i = Math.max(start, scanned - 3); i + 3 < end; i++) {
          if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
            Head h = Head.parse(buf, start, i);
            start = i + 4;
            return h;
          }
        }
        scanned = end;
        if (end - start >= HEAD_MAX) throw new IOException("response head longer than " + HEAD_MAX + " bytes");
        fill();
      }
    }

    /** Reads until {@code length} body bytes are in the buffer; returns where they start, and consumes them. */
    int readBody(long length) throws IOException {
      if (length < 0) throw new IOException("response without Content-Length");
      if (start + length > buf.length) {
        byte[] bigger = new byte[(int) Math.max(buf.length, length)];
        System.arraycopy(buf, start, bigger, 0, end - start);
        end -= start;
        start = 0;
        buf = bigger;
      }
      while (end - start < length) fill();
      int at = start;
      start += (int) length;
      return at;
    }

    void skipBody(long length) throws IOException { readBody(length); }

    private void fill() throws IOException {
      if (end == buf.length) throw new IOException("response larger than the buffer");
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) throw new EOFException("connection closed mid-response");
      end += n;
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a broken connection: nothing left to do
      }
    }
  }

  /** What the client reads from a response head (RFC 9112 §4, §6.3, §9.3); the ETag as a range of the buffer. */
  private record Head(int status, long contentLength, boolean keepAlive, int etagFrom, int etagTo) {
    static Head parse(byte[] b, int from, int to) throws IOException {
      int lineEnd = lineEnd(b, from, to);
      if (lineEnd - from < 12 || !startsWith(b, from, "HTTP/1.")) {
        throw new IOException("bad status line: " + new String(b, from, lineEnd - from, StandardCharsets.ISO_8859_1));
      }
      int status = (b[from + 9] - '0') * 100 + (b[from + 10] - '0') * 10 + (b[from + 11] - '0');
      boolean keepAlive = b[from + 7] == '1';
      long length = -1;
      int etagFrom = -1;
      int etagTo = -1;
      for (int line = lineEnd + 2; line < to; line = lineEnd + 2) {
        lineEnd = lineEnd(b, line, to);
        int colon = line;
        while (colon < lineEnd && b[colon] != ':') colon++;
        if (colon == lineEnd) continue;
        int v = colon + 1;
        while (v < lineEnd && b[v] == ' ') v++;
        int vEnd = lineEnd;
        while (vEnd > v && b[vEnd - 1] == ' ') vEnd--;
        if (nameIs(b, line, colon, "content-length")) {
          length = 0;
          for (int i = v; i < vEnd; i++) length = length * 10 + (b[i] - '0');
        } else if (nameIs(b, line, colon, "etag")) {
          etagFrom = v;
          etagTo = vEnd;
        } else if (nameIs(b, line, colon, "connection")) {
          keepAlive = !(vEnd - v == 5 && nameIs(b, v, vEnd, "close"));
        } else if (nameIs(b, line, colon, "transfer-encoding")) {
          throw new IOException("chunked responses are not supported");
        }
      }
      return new Head(status, length, keepAlive, etagFrom, etagTo);
    }

    /** True when the ETag is {@code "etag"} (quoted). */
    boolean etagIs(byte[] b, String etag) {
      if (etagFrom < 0 || etagTo - etagFrom != etag.length() + 2) return false;
      if (b[etagFrom] != '"' || b[etagTo - 1] != '"') return false;
      for (int i = 0; i < etag.length(); i++) if (b[etagFrom + 1 + i] != etag.charAt(i)) return false;
      return true;
    }

    String etag(byte[] b) { return etagFrom < 0 ? "none" : new String(b, etagFrom, etagTo - etagFrom, StandardCharsets.ISO_8859_1); }

    private static int lineEnd(byte[] b, int from, int to) {
      for (int i = from; i + 1 < to; i++) if (b[i] == '\r' && b[i + 1] == '\n') return i;
      return to;
    }

    private static boolean startsWith(byte[] b, int from, String s) {
      for (int i = 0; i < s.length(); i++) if (b[from + i] != s.charAt(i)) return false;
      return true;
    }

    /** Case-insensitive ASCII comparison of {@code b[from, to)} with the lower-case {@code name}. */
    private static boolean nameIs(byte[] b, int from, int to, String name) {
      if (to - from != name.length()) return false;
      for (int i = 0; i < name.length(); i++) if ((b[from + i] | 0x20) != name.charAt(i)) return false;
      return true;
    }
  }
}

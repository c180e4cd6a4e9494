package io.thingtank.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.CRC32C;

/**
 * The S3 client every target gets: PutObject, GetObject and CreateBucket over blocking HTTP/1.1
 * (RFC 9112) keep-alive connections ({@link SocketChannel} in blocking mode: one {@code read} per
 * wait, no {@code poll} first), on the calling thread: each thread has its own connection, its own
 * {@link SigV4Signer} and buffers. Path-style addressing; every request is signed (SigV4 header,
 * {@code UNSIGNED-PAYLOAD}, no Content-MD5 or x-amz-checksum-*: the client hashes nothing for the
 * server, each server does its own default work).
 *
 * <p>A small body leaves with the request head in one write; a large one ({@link
 * S3Scenario.Payloads#LARGE} bytes and more) from its own direct buffer in a gathering write
 * behind the head, as the ceiling's loopback writer sends. Checks the status, a PUT's {@code ETag}
 * (the body's MD5, computed before the run) and a GET's {@code Content-Length} and body: a small
 * body byte for byte, a large one streamed through the connection's buffer into a CRC32C compared
 * with the body's (computed before the run), as the ceiling's loopback reader drains. The same
 * work for every target. No read timeout of its own: {@link #abort} (the scenario's deadline)
 * closes the connections, which fails blocked requests. Thread-safe (thread-confined state).
 */
final class S3RawClient implements AutoCloseable {
  /** A request that sees no answer for this long past the phase's deadline is failed (and counted). */
  static final long IDLE_TIMEOUT_MS = 30_000;
  private static final int HEAD_MAX = 16 << 10;
  /** The read buffer a large GET body streams through. */
  private static final int STREAM_BUFFER = 1 << 20;
  private final InetSocketAddress address;
  private final String hostHeader;
  private final ThreadLocal<SigV4Signer> signers;
  private final ThreadLocal<Connection> connections = new ThreadLocal<>();
  private final ConcurrentLinkedQueue<Connection> opened = new ConcurrentLinkedQueue<>();

  S3RawClient(URI endpoint, String keyId, String secret) {
    this.address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
    this.hostHeader = endpoint.getHost() + ":" + endpoint.getPort();
    this.signers = ThreadLocal.withInitial(() -> new SigV4Signer(keyId, secret, "us-east-1"));
  }

  /** CreateBucket: PUT /bucket without a body; fails unless 200. */
  void createBucket(String bucket) throws IOException {
    exchange("PUT", "/" + bucket, ByteBuffer.allocate(0), (c, head) -> c.skipBody(head.contentLength()));
  }

  /** PUT /bucket/key with body {@code i}; fails unless the answer is 200 with its MD5 as the ETag. */
  void put(String bucket, String key, S3Scenario.Payloads p, int i) throws IOException {
    String etag = p.etags()[i];
    exchange("PUT", "/" + bucket + "/" + key, p.body(i), (c, head) -> {
      if (!head.etagIs(c.in, etag)) throw new IOException("PUT " + key + ": ETag " + head.etag(c.in) + ", want " + etag);
      c.skipBody(head.contentLength());
    });
  }

  /** GET /bucket/key; fails unless the answer is 200 and its body is body {@code i}. */
  void get(String bucket, String key, S3Scenario.Payloads p, int i) throws IOException {
    long size = p.size(i);
    exchange("GET", "/" + bucket + "/" + key, null, (c, head) -> {
      if (head.contentLength() != size) {
        throw new IOException("GET " + key + ": Content-Length " + head.contentLength() + ", PUT " + size);
      }
      if (size >= S3Scenario.Payloads.LARGE) {
        if (c.streamCrc32c(size) != p.crc32c()[i]) throw new IOException("GET " + key + ": body differs (CRC32C) from what was PUT");
        return;
      }
      int at = c.readBody(size);
      if (c.in.slice(at, (int) size).mismatch(ByteBuffer.wrap(p.bytes()[i])) >= 0) {
        throw new IOException("GET " + key + ": body differs from what was PUT");
      }
    });
  }

  /** Closes every connection: requests blocked on one fail, later ones connect again. */
  void abort() {
    for (Connection c; (c = opened.poll()) != null; ) c.close();
  }

  @Override public void close() { abort(); }

  /** Reads and checks what follows a 200 response head. */
  private interface BodyCheck {
    void check(Connection c, Head head) throws IOException;
  }

  /** One request; {@code body} null for none (no Content-Length), else sent whole (it is not consumed). */
  private void exchange(String method, String path, ByteBuffer body, BodyCheck check) throws IOException {
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
            + StandardCharsets.UTF_8.decode(c.in.slice(c.readBody(head.contentLength()), (int) head.contentLength())));
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

  /** One keep-alive connection and its buffers; {@code in[start, end)} holds bytes received but not consumed. */
  private final class Connection {
    private final SocketChannel channel;
    private ByteBuffer out = ByteBuffer.allocateDirect(64 << 10);
    ByteBuffer in = ByteBuffer.allocateDirect(64 << 10);
    int start;
    int end;

    Connection(InetSocketAddress address) throws IOException {
      channel = SocketChannel.open(address);
      channel.socket().setTcpNoDelay(true);
    }

    /** The request head, and the body behind it: a small one copied into the same write, a large one gathered from its own buffer. */
    void send(String method, String path, ByteBuffer body, SigV4Signer.Signature sig) throws IOException {
      String head = method + " " + path + " HTTP/1.1\r\nHost: " + hostHeader
          + "\r\nx-amz-content-sha256: " + SigV4Signer.UNSIGNED + "\r\nx-amz-date: " + sig.amzDate()
          + "\r\nAuthorization: " + sig.authorization()
          + (body == null ? "\r\n\r\n" : "\r\nContent-Length: " + body.remaining() + "\r\n\r\n");
      boolean gather = body != null && body.remaining() >= S3Scenario.Payloads.LARGE;
      int length = head.length() + (body == null || gather ? 0 : body.remaining());
      if (out.capacity() < length) out = ByteBuffer.allocateDirect(length);
      out.clear();
      for (int i = 0; i < head.length(); i++) out.put((byte) head.charAt(i)); // the path and headers are ASCII
      if (body != null && !gather) out.put(body.duplicate());
      out.flip();
      if (gather) {
        ByteBuffer[] both = {out, body.duplicate()};
        while (both[1].hasRemaining()) channel.write(both);
      } else {
        while (out.hasRemaining()) channel.write(out);
      }
      start = 0;
      end = 0;
    }

    /** Reads up to the blank line after the head and consumes the head. */
    Head readHead() throws IOException {
      int scanned = start;
      while (true) {
        for (int i = Math.max(start, scanned - 3); i + 3 < end; i++) {
          if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
            Head h = Head.parse(in, start, i);
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
      if (start + length > in.capacity()) {
        ByteBuffer bigger = ByteBuffer.allocateDirect((int) Math.max(in.capacity(), length));
        bigger.put(in.slice(start, end - start));
        end -= start;
        start = 0;
        in = bigger;
      }
      while (end - start < length) fill();
      int at = start;
      start += (int) length;
      return at;
    }

    void skipBody(long length) throws IOException { readBody(length); }

    /** Reads {@code length} body bytes through the buffer (reused from its start), returning their CRC32C. */
    int streamCrc32c(long length) throws IOException {
      CRC32C crc = new CRC32C();
      long left = length;
      while (true) {
        int n = (int) Math.min(left, end - start);
        crc.update(in.slice(start, n));
        start += n;
        left -= n;
        if (left == 0) return (int) crc.getValue();
        if (in.capacity() < STREAM_BUFFER) in = ByteBuffer.allocateDirect(STREAM_BUFFER);
        start = 0;
        end = 0;
        fill();
      }
    }

    private void fill() throws IOException {
      if (end == in.capacity()) throw new IOException("response larger than the buffer");
      int n = channel.read(in.limit(in.capacity()).position(end));
      if (n < 0) throw new EOFException("connection closed mid-response");
      end += n;
    }

    void close() {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing a broken connection: nothing left to do
      }
    }
  }

  /** What the client reads from a response head (RFC 9112 §4, §6.3, §9.3); the ETag as a range of the buffer. */
  private record Head(int status, long contentLength, boolean keepAlive, int etagFrom, int etagTo) {
    static Head parse(ByteBuffer b, int from, int to) throws IOException {
      int lineEnd = lineEnd(b, from, to);
      if (lineEnd - from < 12 || !startsWith(b, from, "HTTP/1.")) {
        throw new IOException("bad status line: " + StandardCharsets.ISO_8859_1.decode(b.slice(from, lineEnd - from)));
      }
      int status = (b.get(from + 9) - '0') * 100 + (b.get(from + 10) - '0') * 10 + (b.get(from + 11) - '0');
      boolean keepAlive = b.get(from + 7) == '1';
      long length = -1;
      int etagFrom = -1;
      int etagTo = -1;
      for (int line = lineEnd + 2; line < to; line = lineEnd + 2) {
        lineEnd = lineEnd(b, line, to);
        int colon = line;
        while (colon < lineEnd && b.get(colon) != ':') colon++;
        if (colon == lineEnd) continue;
        int v = colon + 1;
        while (v < lineEnd && b.get(v) == ' ') v++;
        int vEnd = lineEnd;
        while (vEnd > v && b.get(vEnd - 1) == ' ') vEnd--;
        if (nameIs(b, line, colon, "content-length")) {
          length = 0;
          for (int i = v; i < vEnd; i++) length = length * 10 + (b.get(i) - '0');
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
    boolean etagIs(ByteBuffer b, String etag) {
      if (etagFrom < 0 || etagTo - etagFrom != etag.length() + 2) return false;
      if (b.get(etagFrom) != '"' || b.get(etagTo - 1) != '"') return false;
      for (int i = 0; i < etag.length(); i++) if (b.get(etagFrom + 1 + i) != etag.charAt(i)) return false;
      return true;
    }

    String etag(ByteBuffer b) { return etagFrom < 0 ? "none" : StandardCharsets.ISO_8859_1.decode(b.slice(etagFrom, etagTo - etagFrom)).toString(); }

    private static int lineEnd(ByteBuffer b, int from, int to) {
      for (int i = from; i + 1 < to; i++) if (b.get(i) == '\r' && b.get(i + 1) == '\n') return i;
      return to;
    }

    private static boolean startsWith(ByteBuffer b, int from, String s) {
      for (int i = 0; i < s.length(); i++) if (b.get(from + i) != s.charAt(i)) return false;
      return true;
    }

    /** Case-insensitive ASCII comparison of {@code b[from, to)} with the lower-case {@code name}. */
    private static boolean nameIs(ByteBuffer b, int from, int to, String name) {
      if (to - from != name.length()) return false;
      for (int i = 0; i < name.length(); i++) if ((b.get(from + i) | 0x20) != name.charAt(i)) return false;
      return true;
    }
  }
}

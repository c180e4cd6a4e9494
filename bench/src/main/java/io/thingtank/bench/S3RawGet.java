package io.thingtank.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * GetObject for large bodies over plain blocking NIO HTTP/1.1 (RFC 9112) keep-alive connections:
 * each body is read into one reused direct buffer per connection, as the ceiling's loopback reader
 * drains, and every chunk read is compared in place with the expected bytes
 * ({@link ByteBuffer#mismatch}), with no copy to the heap. SigV4 as {@link S3HttpClient}. One
 * request per pool thread at a time; callable from any thread.
 */
final class S3RawGet implements AutoCloseable {
  private static final int READ_BUFFER = MachineCeiling.BLOCK;
  private static final int MAX_HEAD = 16 << 10;
  private final InetSocketAddress address;
  private final String hostHeader;
  private final ThreadLocal<SigV4Signer> signers;
  private final ExecutorService threads;
  private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

  S3RawGet(URI endpoint, String keyId, String secret, int inFlight) {
    this.address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
    this.hostHeader = endpoint.getHost() + ":" + endpoint.getPort();
    this.signers = ThreadLocal.withInitial(() -> new SigV4Signer(keyId, secret, "us-east-1"));
    this.threads = Executors.newFixedThreadPool(inFlight, r -> {
      Thread t = new Thread(r, "s3-raw-get");
      t.setDaemon(true);
      return t;
    });
  }

  /** GET /bucket/key; fails unless the status is 200 and the body is exactly {@code expected}. */
  Future<Void> get(String bucket, String key, byte[] expected) {
    Promise<Void> done = Promise.promise();
    threads.execute(() -> {
      Connection c = idle.poll();
      try {
        if (c == null) c = new Connection(SocketChannel.open(address));
        boolean reusable = c.get("/" + bucket + "/" + key, expected);
        if (reusable) {
          idle.add(c);
        } else {
          c.close();
        }
        done.complete();
      } catch (Exception e) {
        if (c != null) c.close();
        done.fail(e);
      }
    });
    return done.future();
  }

  @Override public void close() {
    threads.shutdownNow();
    for (Connection c; (c = idle.poll()) != null; ) c.close();
  }

  /** One keep-alive connection and its read buffer. */
  private final class Connection {
    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocateDirect(READ_BUFFER);

    Connection(SocketChannel channel) throws IOException {
      this.channel = channel;
      channel.socket().setTcpNoDelay(true);
    }

    /** Sends the request, checks the head and the body; true when the connection may be used again. */
    boolean get(String path, byte[] expected) throws IOException {
      StringBuilder req = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: ").append(hostHeader)
          .append("\r\n");
      for (Map.Entry<String, String> h : signers.get().sign("GET", hostHeader, path).entrySet()) {
        req.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
      }
      ByteBuffer out = ByteBuffer.wrap(req.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      while (out.hasRemaining()) channel.write(out);
      in.clear();
      Head head = readHead();
      if (head.status() != 200) throw new IOException("HTTP " + head.status() + " for GET " + path);
      if (head.contentLength() != expected.length) {
        throw new IOException("GET " + path + ": Content-Length " + head.contentLength() + ", PUT " + expected.length);
      }
      long at = 0;
      ByteBuffer want = ByteBuffer.wrap(expected);
      while (true) {
        in.flip();
        int n = (int) Math.min(in.remaining(), expected.length - at);
        if (n > 0) {
          ByteBuffer got = in.slice(in.position(), n);
          if (got.mismatch(want.slice((int) at, n)) >= 0) throw new IOException("GET " + path + ": body differs at " + at);
          at += n;
          in.position(in.position() + n);
        }
        if (in.hasRemaining()) throw new IOException("GET " + path + ": bytes after the body");
        if (at == expected.length) return head.keepAlive();
        in.clear();
        if (channel.read(in) < 0) throw new EOFException("GET " + path + ": connection closed at " + at);
      }
    }

    /** Reads until the blank line; leaves {@code in} in write mode holding the body bytes already read. */
    private Head readHead() throws IOException {
      while (true) {
        int end = headEnd();
        if (end >= 0) {
          byte[] head = new byte[end];
          in.get(0, head);
          in.flip().position(end + 4);
          in.compact();
          return Head.parse(new String(head, StandardCharsets.ISO_8859_1));
        }
        if (in.position() >= MAX_HEAD) throw new IOException("response head longer than " + MAX_HEAD + " bytes");
        if (channel.read(in) < 0) throw new EOFException("connection closed before the response head");
      }
    }

    private int headEnd() {
      for (int i = 0; i + 3 < in.position(); i++) {
        if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') return i;
      }
      return -1;
    }

    void close() {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing a broken connection: nothing left to do
      }
    }
  }

  /** The parts of a response head the client needs (RFC 9112 §4, §6.3, §9.3). */
  private record Head(int status, long contentLength, boolean keepAlive) {
    static Head parse(String text) throws IOException {
      String[] lines = text.split("\r\n");
      String[] statusLine = lines[0].split(" ", 3);
      if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) throw new IOException("bad status line: " + lines[0]);
      long length = -1;
      boolean keepAlive = statusLine[0].equals("HTTP/1.1");
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon < 0) continue;
        String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = lines[i].substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> throw new IOException("chunked response bodies are not supported: " + value);
          case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
          default -> { }
        }
      }
      if (length < 0) throw new IOException("response without Content-Length");
      return new Head(Integer.parseInt(statusLine[1]), length, keepAlive);
    }
  }
}

package io.thingtank.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;

/**
 * The lean S3 client both targets get: Vert.x HTTP/1.1 keep-alive connections, path-style
 * addressing, SigV4 header auth with {@code UNSIGNED-PAYLOAD} and no checksum headers (so neither
 * side hashes for the other; each server computes its own MD5 ETag). GETs are streamed and
 * compared byte for byte with what was PUT. Callable from any thread; each exchange (and its
 * signing) runs on the client's own event loop, except GETs of bodies of at least
 * {@link #RAW_GET_MIN} bytes, which go through {@link S3RawGet} (no per-chunk heap copy).
 */
final class S3HttpClient implements AutoCloseable {
  /** Bodies from this size on are fetched with {@link S3RawGet}, for every target alike. */
  static final int RAW_GET_MIN = 1 << 20;
  /** Where an event loop copies a received chunk to compare it (no garbage per chunk). */
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[128 << 10]);
  /** A request that sees no byte for this long fails (and is counted) instead of holding its slot forever. */
  static final long IDLE_TIMEOUT_MS = 30_000;
  private final HttpClient http;
  private final Context context;
  private final String host;
  private final int port;
  private final SigV4Signer signer;
  private final S3RawGet largeGets;

  S3HttpClient(Vertx vertx, HttpClient http, URI endpoint, String keyId, String secret, int inFlight) {
    this.http = http;
    this.largeGets = new S3RawGet(endpoint, keyId, secret, inFlight);
    this.context = vertx.getOrCreateContext();
    this.host = endpoint.getHost();
    this.port = endpoint.getPort();
    this.signer = new SigV4Signer(keyId, secret, "us-east-1");
  }

  /** CreateBucket (PUT /bucket, no body). */
  Future<Void> createBucket(String bucket) {
    return onLoop(() -> send(HttpMethod.PUT, "/" + bucket, Buffer.buffer()).compose(S3HttpClient::expectOk));
  }

  /** PutObject with the body as it is (Content-Length, no Content-MD5, no x-amz-checksum-*). */
  Future<Void> put(String bucket, String key, Buffer body) {
    return onLoop(() -> send(HttpMethod.PUT, "/" + bucket + "/" + key, body).compose(S3HttpClient::expectOk));
  }

  /** GetObject; fails unless the body is exactly {@code expected}. */
  Future<Void> get(String bucket, String key, byte[] expected) {
    if (expected.length >= RAW_GET_MIN) return largeGets.get(bucket, key, expected);
    return onLoop(() -> send(HttpMethod.GET, "/" + bucket + "/" + key, null).compose(resp -> {
      if (resp.statusCode() != 200) return expectOk(resp);
      Promise<Void> done = Promise.promise();
      long[] offset = {0};
      boolean[] mismatch = {false};
      resp.handler(chunk -> {
        int n = chunk.length();
        long at = offset[0];
        offset[0] = at + n;
        if (mismatch[0] || at + n > expected.length) {
          mismatch[0] = true;
          return;
        }
        byte[] scratch = SCRATCH.get();
        for (int copied = 0; copied < n && !mismatch[0]; copied += scratch.length) {
          int len = Math.min(scratch.length, n - copied);
          chunk.getBytes(copied, copied + len, scratch, 0);
          int from = (int) at + copied;
          mismatch[0] = !Arrays.equals(scratch, 0, len, expected, from, from + len);
        }
      });
      resp.exceptionHandler(done::tryFail);
      resp.endHandler(v -> {
        if (mismatch[0] || offset[0] != expected.length) {
          done.tryFail("GET " + key + ": body differs from what was PUT (" + offset[0] + " bytes)");
        } else {
          done.tryComplete();
        }
      });
      return done.future();
    }));
  }

  @Override public void close() { largeGets.close(); }

  /**
   * Runs the exchange on the client's event loop, so every callback (response head, body, end)
   * runs on that thread in order; composed from another thread, a short response can end before
   * its body handler is set, and its future never completes.
   */
  private <T> Future<T> onLoop(java.util.function.Supplier<Future<T>> exchange) {
    Promise<T> result = Promise.promise();
    context.runOnContext(v -> exchange.get().onComplete(result));
    return result.future();
  }

  private Future<HttpClientResponse> send(HttpMethod method, String path, Buffer body) {
    String hostHeader = host + ":" + port;
    RequestOptions o = new RequestOptions().setMethod(method).setHost(host).setPort(port).setURI(path)
        .setIdleTimeout(IDLE_TIMEOUT_MS).putHeader("Host", hostHeader);
    for (Map.Entry<String, String> h : signer.sign(method.name(), hostHeader, path).entrySet()) {
      o.putHeader(h.getKey(), h.getValue());
    }
    return http.request(o).compose(req -> body == null ? req.send() : req.send(body));
  }

  private static Future<Void> expectOk(HttpClientResponse resp) {
    return resp.body().compose(b -> resp.statusCode() == 200 ? Future.succeededFuture()
        : Future.failedFuture("HTTP " + resp.statusCode() + ": " + b.toString()));
  }
}

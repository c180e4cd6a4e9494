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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The lean S3 client both targets get: path-style addressing, SigV4 header auth on every request
 * with {@code UNSIGNED-PAYLOAD} and no checksum headers (so neither side hashes for the other; each
 * server computes its own MD5 ETag). Bodies under {@link #RAW_MIN} bytes (s3-small) go through
 * {@link S3RawSmall} (blocking keep-alive sockets on the calling thread); larger PUTs through
 * Vert.x HTTP/1.1 keep-alive connections, larger GETs through {@link S3RawGet} (no per-chunk heap
 * copy). Every GET body is compared byte for byte with what was PUT. {@link #put} and {@link #get}
 * block the calling thread (the scenario's request threads) until the answer is checked.
 */
final class S3HttpClient implements AutoCloseable {
  /** Bodies from this size on are sent by Vert.x and fetched by {@link S3RawGet}, for every target alike. */
  static final int RAW_MIN = 1 << 20;
  /** A request that sees no byte for this long fails (and is counted) instead of holding its slot forever. */
  static final long IDLE_TIMEOUT_MS = 30_000;
  private final HttpClient http;
  private final Context context;
  private final String host;
  private final int port;
  private final SigV4Signer signer;
  private final S3RawGet largeGets;
  private final S3RawSmall small;

  S3HttpClient(Vertx vertx, HttpClient http, URI endpoint, String keyId, String secret, int inFlight) {
    this.http = http;
    this.largeGets = new S3RawGet(endpoint, keyId, secret, inFlight);
    this.small = new S3RawSmall(endpoint, keyId, secret);
    this.context = vertx.getOrCreateContext();
    this.host = endpoint.getHost();
    this.port = endpoint.getPort();
    this.signer = new SigV4Signer(keyId, secret, "us-east-1");
  }

  /** CreateBucket (PUT /bucket, no body). */
  void createBucket(String bucket) throws Exception {
    await(onLoop(() -> send(HttpMethod.PUT, "/" + bucket, Buffer.buffer()).compose(S3HttpClient::expectOk)));
  }

  /** PutObject with the body as it is (Content-Length, no Content-MD5, no x-amz-checksum-*); fails unless 200. */
  void put(String bucket, String key, S3Scenario.Payloads p, int i) throws Exception {
    if (p.size(i) < RAW_MIN) {
      small.put(bucket, key, p.bytes()[i], p.etags()[i]);
    } else {
      await(onLoop(() -> send(HttpMethod.PUT, "/" + bucket + "/" + key, p.buffers()[i]).compose(S3HttpClient::expectOk)));
    }
  }

  /** GetObject; fails unless the body is exactly {@code expected}. */
  void get(String bucket, String key, byte[] expected) throws Exception {
    if (expected.length < RAW_MIN) {
      small.get(bucket, key, expected);
    } else {
      await(largeGets.get(bucket, key, expected));
    }
  }

  /** Fails the small requests blocked now (their connections are closed; later requests connect again). */
  void abort() { small.abort(); }

  private static void await(Future<Void> exchange) throws Exception {
    exchange.toCompletionStage().toCompletableFuture().get(IDLE_TIMEOUT_MS + 5_000, TimeUnit.MILLISECONDS);
  }

  @Override public void close() {
    largeGets.close();
    small.close();
  }

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

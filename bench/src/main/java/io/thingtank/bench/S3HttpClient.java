package io.thingtank.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
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
 * compared byte for byte with what was PUT. Calls are made from one thread (the signer's);
 * completions run on Vert.x event loops.
 */
final class S3HttpClient {
  private final HttpClient http;
  private final String host;
  private final int port;
  private final SigV4Signer signer;

  S3HttpClient(HttpClient http, URI endpoint, String keyId, String secret) {
    this.http = http;
    this.host = endpoint.getHost();
    this.port = endpoint.getPort();
    this.signer = new SigV4Signer(keyId, secret, "us-east-1");
  }

  /** CreateBucket (PUT /bucket, no body). */
  Future<Void> createBucket(String bucket) {
    return send(HttpMethod.PUT, "/" + bucket, Buffer.buffer()).compose(S3HttpClient::expectOk);
  }

  /** PutObject with the body as it is (Content-Length, no Content-MD5, no x-amz-checksum-*). */
  Future<Void> put(String bucket, String key, Buffer body) {
    return send(HttpMethod.PUT, "/" + bucket + "/" + key, body).compose(S3HttpClient::expectOk);
  }

  /** GetObject; fails unless the body is exactly {@code expected}. */
  Future<Void> get(String bucket, String key, byte[] expected) {
    return send(HttpMethod.GET, "/" + bucket + "/" + key, null).compose(resp -> {
      if (resp.statusCode() != 200) return expectOk(resp);
      Promise<Void> done = Promise.promise();
      long[] offset = {0};
      boolean[] mismatch = {false};
      resp.handler(chunk -> {
        int n = chunk.length();
        long at = offset[0];
        if (!mismatch[0] && (at + n > expected.length
            || !Arrays.equals(chunk.getBytes(), 0, n, expected, (int) at, (int) at + n))) {
          mismatch[0] = true;
        }
        offset[0] = at + n;
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
    });
  }

  private Future<HttpClientResponse> send(HttpMethod method, String path, Buffer body) {
    String hostHeader = host + ":" + port;
    RequestOptions o = new RequestOptions().setMethod(method).setHost(host).setPort(port).setURI(path)
        .putHeader("Host", hostHeader);
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

package io.thingtank.s3.wire;

import io.netty.util.AsciiString;
import io.thingtank.aws.AwsError;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes S3 responses and errors (S3 API Reference, "Error responses": {@code <Error>} with Code,
 * Message, Resource, RequestId; no body for HEAD and 304). A request whose body was not read is
 * drained first (small bodies) or answered and closed (large bodies, or when the client waits
 * for 100-continue), so the client sees the answer rather than a reset. Event-loop only.
 */
public final class ResponseWriter {
  private static final long MAX_DRAIN = 1 << 20;
  private static final AsciiString REQUEST_ID = AsciiString.cached("x-amz-request-id");
  private static final AsciiString ID_2 = AsciiString.cached("x-amz-id-2");
  private static final AsciiString SERVER = AsciiString.cached("server");
  private static final AsciiString THINGTANK = AsciiString.cached("ThingTank");
  /**
   * The names handlers use most, as {@link AsciiString}: Netty copies their bytes in one go and
   * keeps their hash, where a {@code String} is hashed and encoded char by char on every response
   * (5 % of a small GET's event-loop CPU went to response headers).
   */
  private static final Map<String, AsciiString> NAMES = names("content-type", "content-length", "etag",
      "last-modified", "accept-ranges", "x-amz-version-id", "x-amz-checksum-crc64nvme", "x-amz-checksum-crc32",
      "x-amz-checksum-crc32c", "x-amz-checksum-sha1", "x-amz-checksum-sha256", "x-amz-checksum-type",
      "x-amz-expiration", "x-amz-server-side-encryption", "x-amz-mp-parts-count", "x-amz-tagging-count",
      "content-range", "cache-control", "content-encoding", "content-disposition", "content-language", "expires",
      "x-amz-storage-class", "x-amz-delete-marker", "access-control-allow-origin");

  private ResponseWriter() {}

  public static void write(HttpServerRequest http, S3Response res, String requestId) {
    HttpServerResponse out = http.response();
    if (out.ended() || out.closed()) return;
    out.setStatusCode(res.status());
    out.putHeader(REQUEST_ID, requestId);
    out.putHeader(ID_2, requestId);
    out.putHeader(SERVER, THINGTANK);
    res.headers().forEach((name, value) -> {
      CharSequence known = NAMES.get(name);
      out.putHeader(known != null ? known : name, value);
    });
    if (res.file() != null && http.method() != HttpMethod.HEAD) {
      out.sendFile(res.file().toString(), res.offset(), res.length())
          .onFailure(e -> http.connection().close());
    } else if (res.body() != null && http.method() != HttpMethod.HEAD) {
      out.end(res.body());
    } else {
      if (res.file() == null && res.body() == null && !out.headers().contains("content-length")) {
        out.putHeader("content-length", "0");
      }
      out.end();
    }
  }

  public static void error(HttpServerRequest http, AwsError e, String resource, String requestId) {
    S3Response res = e.status() == 304 ? S3Response.status(304) : S3Response.xml(e.status(),
        XmlOut.plain("Error").el("Code", e.code()).el("Message", e.getMessage())
            .el("Resource", resource).el("RequestId", requestId));
    if (e instanceof HeaderedError h) h.headers().forEach(res::header);
    if (http.isEnded()) {
      write(http, res, requestId);
      return;
    }
    String length = http.getHeader("content-length");
    boolean waitsForContinue = "100-continue".equalsIgnoreCase(http.getHeader("expect"));
    if (waitsForContinue || length != null && parse(length) > MAX_DRAIN) {
      http.response().putHeader("connection", "close");
      http.response().endHandler(v -> http.connection().close());
      write(http, res, requestId);
      return;
    }
    http.handler(b -> { });
    http.exceptionHandler(x -> { });
    http.endHandler(v -> write(http, res, requestId));
    http.resume();
  }

  private static Map<String, AsciiString> names(String... names) {
    Map<String, AsciiString> m = new HashMap<>();
    for (String n : names) m.put(n, AsciiString.cached(n));
    return Map.copyOf(m);
  }

  private static long parse(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}

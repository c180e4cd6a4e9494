package io.thingtank.s3.wire;

import io.thingtank.aws.AwsError;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Writes S3 responses and errors (S3 API Reference, "Error responses": {@code <Error>} with Code,
 * Message, Resource, RequestId; no body for HEAD and 304). A request whose body was not read is
 * drained first (small bodies) or answered and closed (large bodies, or when the client waits
 * for 100-continue), so the client sees the answer rather than a reset. Event-loop only.
 */
public final class ResponseWriter {
  private static final long MAX_DRAIN = 1 << 20;

  private ResponseWriter() {}

  public static void write(HttpServerRequest http, S3Response res, String requestId) {
    HttpServerResponse out = http.response();
    if (out.ended() || out.closed()) return;
    out.setStatusCode(res.status());
    out.putHeader("x-amz-request-id", requestId);
    out.putHeader("x-amz-id-2", requestId);
    out.putHeader("server", "ThingTank");
    res.headers().forEach(out::putHeader);
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

  private static long parse(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}

package io.thingtank.s3.handler;

import io.thingtank.aws.AwsError;
import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.access.CorsMatcher;
import io.thingtank.s3.model.Bucket;
import io.thingtank.s3.model.CorsRule;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.XmlIn;
import io.thingtank.s3.wire.XmlOut;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Bucket CORS: PutBucketCors / GetBucketCors / DeleteBucketCors, the OPTIONS preflight, and the
 * Access-Control-* headers added to actual cross-origin requests ({@link #decorate}).
 */
public final class CorsHandlers {
  private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");
  private final S3Context ctx;

  public CorsHandlers(S3Context ctx) { this.ctx = ctx; }

  public Future<S3Response> put(S3Call call) {
    return call.body().toMemory(64 * 1024, S3Errors.malformedXml()).compose(body -> {
      XmlIn doc = XmlIn.parse(body.bytes().getBytes(), "CORSConfiguration");
      List<CorsRule> rules = new ArrayList<>();
      for (XmlIn r : doc.children("CORSRule")) {
        List<String> methods = texts(r, "AllowedMethod");
        for (String m : methods) {
          if (!METHODS.contains(m)) {
            throw S3Errors.invalidRequest("Found unsupported HTTP method in CORS config. Unsupported method is " + m);
          }
        }
        List<String> origins = texts(r, "AllowedOrigin");
        if (methods.isEmpty() || origins.isEmpty()) throw S3Errors.malformedXml();
        String maxAge = r.text("MaxAgeSeconds");
        rules.add(new CorsRule(origins, methods, texts(r, "AllowedHeader"), texts(r, "ExposeHeader"),
            maxAge == null ? null : Integer.valueOf(maxAge.trim())));
      }
      if (rules.isEmpty() || rules.size() > 100) throw S3Errors.malformedXml();
      return ctx.onBucket(call.bucket(), () -> {
        Bucket b = ctx.store().bucket(call.bucket()).orElseThrow(S3Errors::noSuchBucket);
        ctx.store().putBucket(b.withCors(rules));
        return S3Response.ok();
      });
    });
  }

  public Future<S3Response> get(S3Call call) {
    return Buckets.require(ctx, call.bucket()).map(b -> {
      if (b.cors() == null) throw noConfiguration();
      XmlOut x = XmlOut.document("CORSConfiguration");
      for (CorsRule r : b.cors()) {
        x.open("CORSRule");
        r.allowedHeaders().forEach(h -> x.el("AllowedHeader", h));
        r.allowedMethods().forEach(h -> x.el("AllowedMethod", h));
        r.allowedOrigins().forEach(h -> x.el("AllowedOrigin", h));
        r.exposeHeaders().forEach(h -> x.el("ExposeHeader", h));
        x.el("MaxAgeSeconds", r.maxAgeSeconds()).close();
      }
      return S3Response.xml(x);
    });
  }

  public Future<S3Response> delete(S3Call call) {
    return ctx.onBucket(call.bucket(), () -> {
      Bucket b = ctx.store().bucket(call.bucket()).orElseThrow(S3Errors::noSuchBucket);
      ctx.store().putBucket(b.withCors(null));
      return S3Response.noContent();
    });
  }

  /** OPTIONS preflight. */
  public Future<S3Response> preflight(S3Call call) {
    String origin = call.header("origin");
    String method = call.header("access-control-request-method");
    if (origin == null || method == null) {
      return Future.failedFuture(new AwsError("BadRequest",
          "Insufficient information. Origin request header needed.", 400));
    }
    List<String> headers = requestedHeaders(call.header("access-control-request-headers"));
    return Buckets.require(ctx, call.bucket()).map(b -> {
      CorsRule r = CorsMatcher.match(b.cors(), origin, method, headers).orElseThrow(() -> new AwsError(
          "AccessForbidden", "CORSResponse: This CORS request is not allowed. This is usually because the evaluation"
          + " of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not"
          + " whitelisted by the resource's CORS spec.", 403));
      S3Response res = S3Response.ok();
      allowOrigin(res, r, origin);
      res.header("access-control-allow-methods", String.join(", ", r.allowedMethods()));
      if (!headers.isEmpty()) res.header("access-control-allow-headers", String.join(", ", headers));
      return res.header("access-control-max-age", r.maxAgeSeconds());
    });
  }

  /** Adds the Access-Control-* headers when {@code Origin} names an allowed origin for this method. */
  public static void decorate(S3Call call, Bucket bucket, S3Response res) {
    String origin = call.header("origin");
    if (bucket == null || origin == null) return;
    CorsMatcher.match(bucket.cors(), origin, call.http().method().name(), List.of()).ifPresent(r -> {
      allowOrigin(res, r, origin);
      res.header("access-control-allow-methods", String.join(", ", r.allowedMethods()));
      res.header("access-control-max-age", r.maxAgeSeconds());
    });
  }

  private static void allowOrigin(S3Response res, CorsRule r, String origin) {
    boolean any = r.allowedOrigins().contains("*");
    res.header("access-control-allow-origin", any ? "*" : origin)
        .header("vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
    if (!any) res.header("access-control-allow-credentials", "true");
    if (!r.exposeHeaders().isEmpty()) res.header("access-control-expose-headers", String.join(", ", r.exposeHeaders()));
  }

  private static List<String> requestedHeaders(String header) {
    if (header == null || header.isBlank()) return List.of();
    return Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static List<String> texts(XmlIn parent, String name) {
    List<String> out = new ArrayList<>();
    for (XmlIn c : parent.children(name)) out.add(c.text().trim());
    return out;
  }

  private static AwsError noConfiguration() {
    return new AwsError("NoSuchCORSConfiguration", "The CORS configuration does not exist", 404);
  }
}

package io.thingtank.s3.wire;

import io.thingtank.aws.auth.SigV4Result;
import io.thingtank.s3.wire.body.BodyReceiver;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;

/**
 * One routed S3 request as handlers see it: the operation, bucket and key, the decoded query,
 * the caller, and the body (read only through {@link #body()}). Event-loop only.
 */
public record S3Call(S3Operation operation, S3Address address, HttpServerRequest http,
    Map<String, List<String>> query, SigV4Result auth, String requestId, String region, long receivedMillis,
    BodyReceiver body) {

  public String bucket() { return address.bucket(); }

  public String key() { return address.key(); }

  public String header(String name) { return http.getHeader(name); }

  /** The first value of a query parameter, or null. */
  public String param(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}

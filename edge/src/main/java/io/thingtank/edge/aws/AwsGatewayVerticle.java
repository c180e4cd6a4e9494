package io.thingtank.edge.aws;

import io.thingtank.aws.AwsError;
import io.thingtank.aws.AwsErrors;
import io.thingtank.aws.AwsService;
import io.thingtank.aws.RequestContext;
import io.thingtank.aws.StreamingAwsService;
import io.thingtank.aws.auth.SigV4Result;
import io.thingtank.aws.auth.SigV4Verifier;
import io.thingtank.aws.protocol.AwsCall;
import io.thingtank.aws.protocol.AwsCodec;
import io.thingtank.aws.protocol.AwsCodecs;
import io.thingtank.aws.protocol.AwsHttpRequest;
import io.thingtank.aws.protocol.AwsHttpResponse;
import io.thingtank.core.net.ListenerDeployer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AWS port (4566), one instance per event loop. Per request: read the body, resolve the
 * service, verify SigV4, decode with the service's protocol codec, dispatch to the typed
 * handler, encode the response or the error in the same protocol.
 */
final class AwsGatewayVerticle extends ListenerDeployer.Listener {
  static final int MAX_BODY = 16 * 1024 * 1024;
  /**
   * The largest body piece the HTTP decoder hands over: a socket read (up to 64 KiB) in one piece
   * instead of Netty's default 8 KiB slices, so a streamed body (an S3 PUT) costs one handler call
   * per read, not eight.
   */
  static final int MAX_CHUNK = 64 * 1024;

  private final String host;
  private final int port;
  private final AwsGateway gateway;
  private HttpServer server;

  AwsGatewayVerticle(String host, int port, AwsGateway gateway) {
    this.host = host;
    this.port = port;
    this.gateway = gateway;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port)
            .setCompressionSupported(false).setMaxInitialLineLength(16 * 1024).setMaxHeaderSize(64 * 1024)
            .setMaxChunkSize(MAX_CHUNK))
        .requestHandler(this::onRequest);
    return server.listen();
  }

  @Override
  public int actualPort() { return server.actualPort(); }

  private void onRequest(HttpServerRequest http) {
    if (gateway.isHealthCheck(http)) {
      gateway.health(http);
      return;
    }
    AwsHttpRequest head = toRequest(http, null);
    AwsService target = gateway.resolver().resolve(head);
    if (target instanceof StreamingAwsService streaming) {
      streaming.handle(http, new StreamingAwsService.Head(head, gateway.verifier(), gateway.accountId(),
          gateway.region(), gateway.ids().uuid(), gateway.clock().millis()));
      return;
    }
    String length = http.getHeader("content-length");
    if (length != null && parseLong(length) > MAX_BODY) {
      http.response().setStatusCode(413).end();
      http.connection().close();
      return;
    }
    http.body().onSuccess(body -> handle(http, body)).onFailure(e -> {
      if (!http.response().ended()) http.response().setStatusCode(400).end();
    });
  }

  private void handle(HttpServerRequest http, Buffer body) {
    AwsHttpRequest req = toRequest(http, body);
    String requestId = gateway.ids().uuid();
    AwsService service = gateway.resolver().resolve(req);
    if (service == null) {
      write(http, GatewayErrors.unroutable(req, requestId));
      return;
    }
    AwsCodec codec = AwsCodecs.select(service.model(), req);
    if (codec == null) {
      write(http, GatewayErrors.unsupportedProtocol(service, req, requestId));
      return;
    }
    String operation = null;
    try {
      SigV4Result auth = gateway.verifier().verify(req, service.signsSingleEncodedPath());
      if (auth.anonymous() && !service.allowsAnonymous()) throw AwsErrors.missingAuthenticationToken();
      AwsCall call = codec.decode(service.model(), req);
      operation = call.operation();
      RequestContext ctx = new RequestContext(gateway.accountId(),
          auth.anonymous() ? gateway.region() : auth.credential().region(), auth.accessKeyId(), requestId,
          endpoint(http), gateway.clock().millis());
      String op = operation;
      gateway.dispatcher(service).dispatch(ctx, op, call.request())
          .onSuccess(res -> write(http, codec.encode(service.model(), op, res, requestId)))
          .onFailure(err -> write(http, codec.encodeError(service.model(), op, AwsError.from(err), requestId)));
    } catch (RuntimeException e) {
      write(http, codec.encodeError(service.model(), operation, AwsError.from(e), requestId));
    }
  }

  private static String endpoint(HttpServerRequest http) {
    String h = http.getHeader("host");
    return (http.isSSL() ? "https://" : "http://") + (h != null ? h : http.authority().toString());
  }

  static AwsHttpRequest toRequest(HttpServerRequest http, Buffer body) {
    Map<String, List<String>> headers = new TreeMap<>();
    for (Map.Entry<String, String> e : http.headers()) {
      headers.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e.getValue());
    }
    String uri = http.uri();
    int q = uri.indexOf('?');
    String rawPath = q < 0 ? uri : uri.substring(0, q);
    String rawQuery = q < 0 ? null : uri.substring(q + 1);
    return new AwsHttpRequest(http.method().name(), rawPath, rawQuery, headers, body == null ? null : body.getBytes());
  }

  private static void write(HttpServerRequest http, AwsHttpResponse res) {
    HttpServerResponse out = http.response();
    if (out.ended()) return;
    out.setStatusCode(res.status());
    res.headers().forEach(out::putHeader);
    out.end(Buffer.buffer(res.body()));
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

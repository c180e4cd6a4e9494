package io.thingtank.wamp.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingtank.core.bus.BusCallException;
import io.thingtank.core.bus.BusPrincipal;
import io.thingtank.wamp.auth.AuthStep;
import io.thingtank.wamp.auth.Authenticator;
import io.thingtank.wamp.bus.WampMessageBus;
import io.thingtank.wamp.message.WampUris;
import io.thingtank.wamp.router.Router;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Crossbar's HTTP publisher and caller bridge: {@code POST /publish} with
 * {@code {"topic", "args", "kwargs", "options"}} answers {@code {"id": publication}};
 * {@code POST /call} with {@code {"procedure", "args", "kwargs", "options"}} answers
 * {@code {"args", "kwargs"}}. Errors answer {@code {"error": uri, "args": [...]}} (400; 403 for
 * authorization). The principal is anonymous, or a ticket principal given by HTTP Basic auth
 * (user = authid, password = ticket); its role's permissions apply as for a WAMP session.
 * {@code ?realm=} picks the realm (default {@code realm1}). Runs on the web event loop.
 */
public final class HttpBridge implements Handler<HttpServerRequest> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Router router;
  private final WampMessageBus bus;
  private final boolean call;

  public HttpBridge(Router router, WampMessageBus bus, boolean call) {
    this.router = router;
    this.bus = bus;
    this.call = call;
  }

  @Override
  public void handle(HttpServerRequest req) {
    if (req.method() != io.vertx.core.http.HttpMethod.POST) {
      reply(req, 405, Map.of("error", "method not allowed: POST a JSON body"));
      return;
    }
    String realm = req.getParam("realm", "realm1");
    req.body().onSuccess(body -> principal(req, realm).onComplete(who -> {
      if (who.failed()) {
        reply(req, 401, Map.of("error", WampUris.AUTHENTICATION_FAILED, "args", List.of(who.cause().getMessage())));
        return;
      }
      Map<String, Object> in;
      try {
        @SuppressWarnings("unchecked") Map<String, Object> m = JSON.readValue(body.getBytes(), Map.class);
        in = m;
      } catch (Exception e) {
        reply(req, 400, Map.of("error", WampUris.INVALID_ARGUMENT, "args", List.of("body must be a JSON object")));
        return;
      }
      dispatch(req, who.result(), in);
    })).onFailure(err -> reply(req, 400, Map.of("error", WampUris.INVALID_ARGUMENT, "args", List.of("cannot read the body"))));
  }

  @SuppressWarnings("unchecked")
  private void dispatch(HttpServerRequest req, BusPrincipal who, Map<String, Object> in) {
    Object uri = in.get(call ? "procedure" : "topic");
    List<Object> args = in.get("args") instanceof List<?> l ? (List<Object>) l : List.of();
    Map<String, Object> kwargs = in.get("kwargs") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    Map<String, Object> options = in.get("options") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    if (!(uri instanceof String u)) {
      reply(req, 400, Map.of("error", WampUris.INVALID_ARGUMENT, "args", List.of((call ? "procedure" : "topic") + " is required")));
      return;
    }
    Future<Map<String, Object>> result = call
        ? bus.callWith(who, u, args, kwargs, options).map(r -> {
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("args", r.args());
          out.put("kwargs", r.kwargs());
          return out;
        })
        : bus.publishWithId(who, u, args, kwargs, options).map(id -> Map.of("id", id));
    result.onComplete(ar -> {
      if (ar.succeeded()) {
        reply(req, 200, ar.result());
      } else if (ar.cause() instanceof BusCallException b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", b.errorUri());
        out.put("args", b.args());
        out.put("kwargs", b.kwargs());
        reply(req, WampUris.NOT_AUTHORIZED.equals(b.errorUri()) ? 403 : 400, out);
      } else {
        reply(req, 500, Map.of("error", WampUris.RUNTIME_ERROR, "args", List.of(String.valueOf(ar.cause().getMessage()))));
      }
    });
  }

  /** Anonymous, or HTTP Basic checked by the realm's ticket authenticator. */
  private Future<BusPrincipal> principal(HttpServerRequest req, String realm) {
    String h = req.getHeader("authorization");
    if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
      Authenticator anon = router.authenticator("anonymous");
      if (anon == null) return Future.failedFuture("authentication required (HTTP Basic: authid and ticket)");
      return anon.start(realm, null, Map.of(), 0).map(step -> principalOf(realm, step));
    }
    String decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    String authid = colon < 0 ? decoded : decoded.substring(0, colon);
    String ticket = colon < 0 ? "" : decoded.substring(colon + 1);
    Authenticator t = router.authenticator("ticket");
    if (t == null) return Future.failedFuture("ticket authentication is not enabled");
    return t.start(realm, authid, Map.of(), 0).compose(step -> step instanceof AuthStep.Challenge c
        ? c.verify().apply(new AuthStep.Authenticate(ticket, Map.of())) : Future.succeededFuture(step))
        .map(step -> principalOf(realm, step));
  }

  /**
   * The bus principal of a request. Anonymous requests share one authid per role, so the bridge
   * keeps one in-process session per principal instead of one per request.
   */
  private static BusPrincipal principalOf(String realm, AuthStep step) {
    if (step instanceof AuthStep.Accept a) {
      String authid = "anonymous".equals(a.result().authmethod()) ? "http-bridge" : a.result().authid();
      return new BusPrincipal(realm, authid, a.result().authrole());
    }
    throw new IllegalStateException(step instanceof AuthStep.Reject r ? r.message() : "authentication failed");
  }

  private static void reply(HttpServerRequest req, int status, Map<String, Object> body) {
    try {
      req.response().setStatusCode(status).putHeader("content-type", "application/json")
          .end(JSON.writeValueAsString(body));
    } catch (Exception e) {
      req.response().setStatusCode(500).end();
    }
  }
}

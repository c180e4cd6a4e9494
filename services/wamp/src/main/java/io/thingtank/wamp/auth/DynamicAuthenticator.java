package io.thingtank.wamp.auth;

import io.thingtank.core.bus.BusPrincipal;
import io.thingtank.core.bus.BusResult;
import io.thingtank.core.bus.MessageBus;
import io.thingtank.wamp.message.WampUris;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Crossbar's dynamic authenticator for ticket: after AUTHENTICATE the router calls the
 * configured procedure with {@code (realm, authid, {ticket, session, authmethod})}; it returns
 * a role string or {@code {"role": ..., "authid": ...}}; an error rejects the session.
 */
public final class DynamicAuthenticator implements Authenticator {
  private final String method;
  private final String procedure;
  private final String authenticatorRealm;
  private final Supplier<MessageBus> bus;

  public DynamicAuthenticator(String method, String procedure, String authenticatorRealm, Supplier<MessageBus> bus) {
    this.method = method;
    this.procedure = procedure;
    this.authenticatorRealm = authenticatorRealm;
    this.bus = bus;
  }

  @Override public String method() { return method; }

  @Override
  public Future<AuthStep> start(String realm, String authid, Map<String, Object> details, long sessionId) {
    return Future.succeededFuture(new AuthStep.Challenge(method, Map.of(), auth -> {
      Map<String, Object> d = new HashMap<>();
      d.put("ticket", auth.signature());
      d.put("session", sessionId);
      d.put("authmethod", method);
      String r = authenticatorRealm != null ? authenticatorRealm : realm;
      List<Object> args = new java.util.ArrayList<>(List.of(realm));
      args.add(authid);
      args.add(d);
      return bus.get().call(BusPrincipal.system(r, "authenticator"), procedure, args, Map.of())
          .map(res -> accept(res, authid))
          .otherwise(err -> new AuthStep.Reject(WampUris.AUTHENTICATION_FAILED, String.valueOf(err.getMessage())));
    }));
  }

  private AuthStep accept(BusResult res, String authid) {
    Object v = res.args().isEmpty() ? null : res.args().get(0);
    if (v instanceof String role) {
      return new AuthStep.Accept(new AuthResult(authid, role, method, "dynamic", Map.of()));
    }
    if (v instanceof Map<?, ?> m && m.get("role") instanceof String role) {
      Object id = m.get("authid");
      return new AuthStep.Accept(new AuthResult(id instanceof String s ? s : authid, role, method, "dynamic", Map.of()));
    }
    return new AuthStep.Reject(WampUris.AUTHENTICATION_FAILED, "authenticator returned no role");
  }
}

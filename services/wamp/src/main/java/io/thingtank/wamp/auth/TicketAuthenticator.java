package io.thingtank.wamp.auth;

import io.thingtank.wamp.message.WampUris;
import io.vertx.core.Future;
import java.util.Map;

/** Ticket authentication (WAMP §14.5.2): CHALLENGE("ticket") and the AUTHENTICATE signature must equal the principal's ticket. */
public final class TicketAuthenticator implements Authenticator {
  private final Map<String, Principal> principals;

  public TicketAuthenticator(Map<String, Principal> principals) { this.principals = principals; }

  @Override public String method() { return "ticket"; }

  @Override
  public Future<AuthStep> start(String realm, String authid, Map<String, Object> details, long sessionId) {
    Principal p = authid == null ? null : principals.get(authid);
    if (p == null || !p.inRealm(realm)) {
      return Future.succeededFuture(new AuthStep.Reject(WampUris.NO_SUCH_PRINCIPAL, "no principal '" + authid + "'"));
    }
    return Future.succeededFuture(new AuthStep.Challenge("ticket", Map.of(), auth ->
        Future.succeededFuture(Secrets.constantTimeEquals(auth.signature(), p.secret())
            ? new AuthStep.Accept(new AuthResult(authid, p.role(), "ticket", "static", Map.of()))
            : new AuthStep.Reject(WampUris.AUTHENTICATION_FAILED, "invalid ticket"))));
  }
}

package io.thingtank.wamp.auth;

import io.thingtank.core.Ids;
import io.vertx.core.Future;
import java.util.Map;

/** Anonymous authentication (WAMP §14.5.2): welcomes everyone with the configured role and a random authid. */
public final class AnonymousAuthenticator implements Authenticator {
  private final String role;
  private final Ids ids;

  public AnonymousAuthenticator(String role, Ids ids) {
    this.role = role;
    this.ids = ids;
  }

  @Override public String method() { return "anonymous"; }

  @Override
  public Future<AuthStep> start(String realm, String authid, Map<String, Object> details, long sessionId) {
    String id = authid != null ? authid : ids.alphanumeric(4) + "-" + ids.alphanumeric(4);
    return Future.succeededFuture(new AuthStep.Accept(new AuthResult(id, role, "anonymous", "static", Map.of())));
  }
}

package io.thingtank.wamp.auth;

import io.vertx.core.Future;
import java.util.Map;

/**
 * One WAMP authentication method (WAMP §14.5.2: anonymous, ticket, wampcra, cryptosign). Runs
 * on the connection's event loop; implementations hold only immutable config.
 */
public interface Authenticator {
  String method();

  /** Starts for a HELLO to {@code realm}; {@code authid} may be null. */
  Future<AuthStep> start(String realm, String authid, Map<String, Object> helloDetails, long sessionId);
}

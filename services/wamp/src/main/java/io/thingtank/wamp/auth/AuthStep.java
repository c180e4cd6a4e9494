package io.thingtank.wamp.auth;

import io.vertx.core.Future;
import java.util.Map;
import java.util.function.Function;

/** The next step of authenticating a HELLO: welcome, abort, or a CHALLENGE and its check. */
public sealed interface AuthStep {
  record Accept(AuthResult result) implements AuthStep {}

  record Reject(String reason, String message) implements AuthStep {}

  /** Send CHALLENGE(method, extra); {@code verify} gets AUTHENTICATE's signature and extra. */
  record Challenge(String method, Map<String, Object> extra,
      Function<Authenticate, Future<AuthStep>> verify) implements AuthStep {}

  /** The peer's AUTHENTICATE. */
  record Authenticate(String signature, Map<String, Object> extra) {}
}

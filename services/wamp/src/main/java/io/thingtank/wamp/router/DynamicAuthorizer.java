package io.thingtank.wamp.router;

import io.thingtank.wamp.auth.Action;
import io.thingtank.wamp.auth.Permission;
import io.vertx.core.Future;

/**
 * Asks a role's authorizer procedure whether a session may act on a URI (Crossbar's dynamic
 * authorization). Implemented over the in-process bus; completes on the realm's context.
 */
public interface DynamicAuthorizer {
  /** A permission for exactly {@code uri} and {@code action}; allows nothing when denied. */
  Future<Permission> authorize(Realm realm, Session session, String procedure, String uri, Action action);
}

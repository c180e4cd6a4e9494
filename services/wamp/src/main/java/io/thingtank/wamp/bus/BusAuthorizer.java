package io.thingtank.wamp.bus;

import io.thingtank.core.bus.BusPrincipal;
import io.thingtank.wamp.auth.Action;
import io.thingtank.wamp.auth.Permission;
import io.thingtank.wamp.router.DynamicAuthorizer;
import io.thingtank.wamp.router.Realm;
import io.thingtank.wamp.router.Session;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Crossbar's dynamic authorizer over the bus: calls the role's procedure with
 * {@code (session details, uri, action)} where action is call/register/publish/subscribe; the
 * answer is a boolean or {@code {"allow": bool, "disclose": bool}}. An error denies.
 */
public final class BusAuthorizer implements DynamicAuthorizer {
  private final WampMessageBus bus;

  public BusAuthorizer(WampMessageBus bus) { this.bus = bus; }

  @Override
  public Future<Permission> authorize(Realm realm, Session s, String procedure, String uri, Action action) {
    List<Object> args = new ArrayList<>(List.of(s.details(), uri, action.name().toLowerCase()));
    return bus.call(BusPrincipal.system(realm.name(), "authorizer"), procedure, args, Map.of())
        .map(res -> {
          Object v = res.args().isEmpty() ? null : res.args().get(0);
          boolean allow = Boolean.TRUE.equals(v) || (v instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("allow")));
          boolean disclose = v instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("disclose"));
          return allow ? new Permission(uri, "exact", action == Action.CALL, action == Action.REGISTER,
              action == Action.PUBLISH, action == Action.SUBSCRIBE, disclose, disclose) : null;
        })
        .otherwise(err -> null);
  }
}

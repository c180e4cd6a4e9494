package io.thingtank.wamp.auth;

import java.util.List;
import java.util.Map;

/** One configured realm: its roles by name and its event-history rules. Immutable. */
public record RealmConfig(String name, Map<String, Role> roles, List<HistoryRule> history) {
  /** The role every in-process {@code BusPrincipal.system} component gets: everything allowed. */
  public static final String SYSTEM_ROLE = "thingtank.system";
  public static final Role SYSTEM = new Role(SYSTEM_ROLE, List.of(Permission.all(true)));

  public Role role(String name) {
    return SYSTEM_ROLE.equals(name) ? SYSTEM : roles.get(name);
  }
}

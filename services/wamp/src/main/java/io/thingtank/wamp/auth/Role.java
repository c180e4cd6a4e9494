package io.thingtank.wamp.auth;

import io.thingtank.wamp.router.UriIndex;
import java.util.List;

/**
 * A named set of {@link Permission}s in one realm. The most specific rule for a URI decides
 * (exact, then longest prefix, then wildcard), as in Crossbar; no rule means denied.
 * Immutable after construction; safe to share across threads.
 */
public final class Role {
  private final String name;
  private final String authorizer;
  private final UriIndex<Permission> rules = new UriIndex<>();

  public Role(String name, List<Permission> permissions) { this(name, permissions, null); }

  /** A role whose decisions come from {@code authorizer}, a WAMP procedure (Crossbar's dynamic authorizer). */
  public Role(String name, List<Permission> permissions, String authorizer) {
    this.name = name;
    this.authorizer = authorizer;
    for (Permission p : permissions) rules.put(p.uri(), p.match(), p);
  }

  public String name() { return name; }

  /** The authorizer procedure, or null when the static rules decide. */
  public String authorizer() { return authorizer; }

  /** The rule that governs {@code uri}, or null (deny). */
  public Permission ruleFor(String uri) { return rules.best(uri); }

  public boolean allows(String uri, Action action) {
    Permission p = rules.best(uri);
    return p != null && p.allows(action);
  }
}

package io.thingtank.wamp.router;

import io.thingtank.wamp.auth.AuthResult;
import io.thingtank.wamp.auth.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One joined WAMP session: who it is, what its client announced, and what it holds in the
 * realm (subscriptions, registrations, calls in flight, testaments). Confined to its realm's thread.
 */
public final class Session {
  private final long id;
  private final AuthResult auth;
  private final Role role;
  private final Peer peer;
  private final Map<String, Object> clientRoles;
  final Set<Subscription> subscriptions = new LinkedHashSet<>();
  final Set<Registration> registrations = new LinkedHashSet<>();
  /** Calls this session made, by its CALL request id. */
  final Map<Long, PendingCall> calls = new HashMap<>();
  /** Invocations this session must answer, by INVOCATION request id. */
  final Map<Long, PendingCall> invocations = new HashMap<>();
  final List<Testament> testaments = new ArrayList<>();
  /** Dynamic authorization: decisions so far by "action uri", and messages held while one is pending. */
  final Map<String, io.thingtank.wamp.auth.Permission> authorized = new HashMap<>();
  final java.util.ArrayDeque<io.thingtank.wamp.message.Message> held = new java.util.ArrayDeque<>();
  private long nextInvocation;
  private boolean open = true;

  public Session(long id, AuthResult auth, Role role, Peer peer, Map<String, Object> clientRoles) {
    this.id = id;
    this.auth = auth;
    this.role = role;
    this.peer = peer;
    this.clientRoles = clientRoles;
  }

  public long id() { return id; }
  public String authid() { return auth.authid(); }
  public String authrole() { return auth.authrole(); }
  public AuthResult auth() { return auth; }
  public Role role() { return role; }
  public Peer peer() { return peer; }
  public boolean open() { return open; }
  void markClosed() { open = false; }

  /** WAMP §5.1.2: router-to-callee request ids are session scoped and sequential. */
  long nextInvocationId() { return ++nextInvocation; }

  /** Whether the client announced {@code feature} for {@code clientRole} (caller, callee, publisher, subscriber). */
  public boolean supports(String clientRole, String feature) {
    if (!(clientRoles.get(clientRole) instanceof Map<?, ?> r)) return false;
    if (!(r.get("features") instanceof Map<?, ?> f)) return false;
    return Boolean.TRUE.equals(f.get(feature));
  }

  public boolean hasRole(String clientRole) { return clientRoles.containsKey(clientRole); }

  /** Session details as {@code wamp.session.get} and {@code on_join} give them. */
  public Map<String, Object> details() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("session", id);
    d.put("authid", auth.authid());
    d.put("authrole", auth.authrole());
    d.put("authmethod", auth.authmethod());
    d.put("authprovider", auth.authprovider());
    d.put("transport", peer.transportDetails());
    return d;
  }
}

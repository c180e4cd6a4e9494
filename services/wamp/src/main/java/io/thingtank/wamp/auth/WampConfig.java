package io.thingtank.wamp.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.core.Clock;
import io.thingtank.core.Ids;
import io.thingtank.core.ThingTankException;
import io.thingtank.core.bus.MessageBus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code "wamp"} section of the config file (shape in the module README, modelled on
 * Crossbar's realms/roles/permissions and authentication), resolved into realms and
 * authenticators. Without a section: realm {@code realm1}, anonymous allowed with role
 * {@code anonymous}, which may do everything in dev mode (callers and publishers disclosed) and
 * otherwise only subscribe and call.
 * Immutable.
 */
public record WampConfig(Map<String, RealmConfig> realms, Map<String, Authenticator> authenticators,
    int maxMessageSize, boolean strictUris, boolean dev, long keepaliveMillis, long spinMicros) {

  public static final int DEFAULT_MAX_MESSAGE_SIZE = 1 << 20;
  /** How long the WAMP thread polls after its last work before it sleeps (core {@code SpinningEpoll}). */
  public static final long DEFAULT_SPIN_MICROS = 20;

  public static WampConfig parse(ObjectNode s, boolean dev, Ids ids, Clock clock, Supplier<MessageBus> bus) {
    Map<String, RealmConfig> realms = new LinkedHashMap<>();
    JsonNode rs = s.path("realms");
    if (rs.isArray() && !rs.isEmpty()) {
      for (JsonNode r : rs) realms.put(text(r, "name", null), realm(r, dev));
    } else {
      realms.put("realm1", new RealmConfig("realm1", Map.of("anonymous", defaultAnonymous(dev)), List.of()));
    }
    Map<String, Authenticator> auth = new LinkedHashMap<>();
    JsonNode a = s.path("auth");
    if (!a.isObject() || dev) auth.put("anonymous", new AnonymousAuthenticator("anonymous", ids));
    for (var it = a.properties().iterator(); it.hasNext(); ) {
      var e = it.next();
      auth.put(e.getKey(), authenticator(e.getKey(), e.getValue(), ids, clock, bus));
    }
    return new WampConfig(realms, auth, s.path("maxMessageSize").asInt(DEFAULT_MAX_MESSAGE_SIZE),
        s.path("strictUris").asBoolean(false), dev, s.path("keepaliveMs").asLong(0),
        Math.max(0, s.path("spinMicros").asLong(DEFAULT_SPIN_MICROS)));
  }

  private static Role defaultAnonymous(boolean dev) {
    return new Role("anonymous", List.of(dev ? Permission.all(true)
        : new Permission("", "prefix", true, false, false, true, false, false)));
  }

  private static RealmConfig realm(JsonNode r, boolean dev) {
    String name = text(r, "name", null);
    Map<String, Role> roles = new LinkedHashMap<>();
    for (JsonNode role : r.path("roles")) {
      List<Permission> perms = new ArrayList<>();
      for (JsonNode p : role.path("permissions")) {
        JsonNode allow = p.path("allow");
        JsonNode disclose = p.path("disclose");
        perms.add(new Permission(text(p, "uri", ""), text(p, "match", "exact"),
            allow.path("call").asBoolean(), allow.path("register").asBoolean(),
            allow.path("publish").asBoolean(), allow.path("subscribe").asBoolean(),
            disclose.path("caller").asBoolean(), disclose.path("publisher").asBoolean()));
      }
      String roleName = text(role, "name", null);
      roles.put(roleName, new Role(roleName, perms, role.path("authorizer").asText(null)));
    }
    if (dev || !roles.containsKey("anonymous")) roles.putIfAbsent("anonymous", defaultAnonymous(dev));
    if (dev) roles.put("anonymous", defaultAnonymous(true));
    List<HistoryRule> history = new ArrayList<>();
    for (JsonNode h : r.path("history")) {
      history.add(new HistoryRule(text(h, "uri", null), text(h, "match", "exact"), h.path("limit").asInt(100)));
    }
    return new RealmConfig(name, Map.copyOf(roles), List.copyOf(history));
  }

  private static Authenticator authenticator(String method, JsonNode n, Ids ids, Clock clock, Supplier<MessageBus> bus) {
    if ("dynamic".equals(n.path("type").asText())) {
      return new DynamicAuthenticator(method, text(n, "authenticator", null), n.path("authenticator-realm").asText(null), bus);
    }
    return switch (method) {
      case "anonymous" -> new AnonymousAuthenticator(n.path("role").asText("anonymous"), ids);
      case "ticket" -> new TicketAuthenticator(principals(n.path("principals"), "ticket"));
      case "wampcra" -> new WampCraAuthenticator(principals(n.path("users"), "secret"), ids, clock);
      case "cryptosign" -> new CryptosignAuthenticator(principals(n.path("principals"), null), ids);
      default -> throw new ThingTankException("wamp.auth: unknown method '" + method + "'", null);
    };
  }

  private static Map<String, Principal> principals(JsonNode n, String secretField) {
    Map<String, Principal> out = new LinkedHashMap<>();
    for (var it = n.properties().iterator(); it.hasNext(); ) {
      var e = it.next();
      JsonNode p = e.getValue();
      String salt = p.path("salt").asText(null);
      int iterations = p.path("iterations").asInt(1000);
      int keylen = p.path("keylen").asInt(32);
      String secret = secretField == null ? null : p.path(secretField).asText(null);
      if (salt != null && p.hasNonNull("password")) {
        secret = Secrets.deriveKey(p.get("password").asText(), salt, iterations, keylen);
      }
      List<String> keys = new ArrayList<>();
      for (JsonNode k : p.path("authorized_keys")) keys.add(k.asText().toLowerCase());
      out.put(e.getKey(), new Principal(e.getKey(), text(p, "role", null), p.path("realm").asText(null),
          secret, salt, iterations, keylen, List.copyOf(keys)));
    }
    return out;
  }

  private static String text(JsonNode n, String field, String dflt) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (dflt == null) throw new ThingTankException("wamp config: '" + field + "' is required in " + n, null);
      return dflt;
    }
    return v.asText();
  }
}

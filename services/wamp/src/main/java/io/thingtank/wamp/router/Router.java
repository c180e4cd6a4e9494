package io.thingtank.wamp.router;

import io.thingtank.wamp.auth.Authenticator;
import io.thingtank.wamp.auth.WampConfig;
import io.thingtank.wamp.message.MessageParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The WAMP router: its realms (each on its own router context) and the authenticators of
 * HELLO. Immutable after start; safe to use from every event loop.
 */
public final class Router {
  private final Map<String, Realm> realms;
  private final WampConfig config;

  public Router(WampConfig config, List<Realm> realms) {
    this.config = config;
    Map<String, Realm> m = new LinkedHashMap<>();
    for (Realm r : realms) m.put(r.name(), r);
    this.realms = Map.copyOf(m);
  }

  public Realm realm(String name) { return realms.get(name); }

  public Map<String, Realm> realms() { return realms; }

  public WampConfig config() { return config; }

  /** The authenticator for a method the client offers, or null when the router has none. */
  public Authenticator authenticator(String method) { return config.authenticators().get(method); }

  public int maxMessageSize() { return config.maxMessageSize(); }

  /** WAMP §5.1.2: session ids are random in [1, 2^53]. */
  public long newSessionId() { return ThreadLocalRandom.current().nextLong(1, MessageParser.MAX_ID + 1); }

  /** The WELCOME roles: what this router's broker and dealer support (WAMP §14.2 feature announcement). */
  public static Map<String, Object> features() {
    Map<String, Object> broker = Map.of("features", flags("publisher_identification", "publisher_exclusion",
        "subscriber_blackwhite_listing", "pattern_based_subscription", "session_meta_api",
        "subscription_meta_api", "event_retention", "event_history", "subscription_revocation",
        "payload_passthru_mode", "payload_transparency", "testament_meta_api"));
    Map<String, Object> dealer = Map.of("features", flags("caller_identification", "progressive_call_results",
        "progressive_call_invocations", "call_timeout", "call_canceling", "pattern_based_registration",
        "shared_registration", "session_meta_api", "registration_meta_api", "registration_revocation",
        "payload_passthru_mode", "payload_transparency", "testament_meta_api"));
    return Map.of("broker", broker, "dealer", dealer);
  }

  private static Map<String, Object> flags(String... names) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String n : names) m.put(n, true);
    return m;
  }
}

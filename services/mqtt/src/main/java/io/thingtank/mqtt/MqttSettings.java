package io.thingtank.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingtank.core.Config;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code mqtt} section of the config file (documented in the module README), parsed once
 * at start. Immutable.
 *
 * @param allowAnonymous     CONNECT without a user name is accepted (always in dev mode)
 * @param anonymousPublish   publish patterns of anonymous clients (full access in dev mode)
 * @param anonymousSubscribe subscribe patterns of anonymous clients
 * @param users              configured users by name
 * @param maxPacketSize      largest packet accepted (MQTT 5 §3.2.2.3.6), bytes
 * @param receiveMaximum     inbound QoS 1/2 publications in flight per client (§3.2.2.3.3)
 * @param topicAliasMaximum  inbound topic aliases per connection (§3.2.2.3.8)
 * @param maxQueued          QoS 1/2 messages queued per session before new ones are dropped
 * @param bridgePrefix       WAMP topic prefix of the MQTT bridge; null disables the bridge
 * @param bridgeRealm        WAMP realm the bridge publishes in
 * @param skynetPass         password of SkyNet's {@code skynet} super-user; null: no super-user
 * @param v5                 MQTT 5 CONNACK options
 * @param sys                {@code $SYS} topics
 */
public record MqttSettings(boolean allowAnonymous, List<String> anonymousPublish,
    List<String> anonymousSubscribe, Map<String, User> users, int maxPacketSize, int receiveMaximum,
    int topicAliasMaximum, int maxQueued, String bridgePrefix, String bridgeRealm, boolean dev,
    String skynetPass, V5 v5, Sys sys) {

  /**
   * MQTT 5 server options sent in CONNACK.
   *
   * @param maxKeepAlive         longest keep alive a client may use, seconds; 0 = the client's
   *                             (§3.2.2.3.14 Server Keep Alive)
   * @param responseInformation  prefix of the Response Information given to clients that ask
   *                             (§3.2.2.3.15): {@code <prefix><clientId>}
   * @param serverReference      when set, every client is sent there (§4.11): MQTT 5 CONNACK
   *                             0x9C (0x9D if {@code serverMoved}) with Server Reference;
   *                             3.1.1 CONNACK 3 (server unavailable)
   */
  public record V5(int maxKeepAlive, String responseInformation, String serverReference, boolean serverMoved) {}

  /**
   * {@code $SYS} topics as Mosquitto publishes them.
   *
   * @param intervalSeconds how often they are refreshed; 0 disables them
   */
  public record Sys(int intervalSeconds) {}

  /** A configured user: PBKDF2 hash (see {@code PasswordHash}) and topic patterns. */
  public record User(String name, String passwordHash, List<String> publish, List<String> subscribe) {}

  public static MqttSettings from(Config config) {
    JsonNode s = config.section("mqtt");
    Map<String, User> users = new LinkedHashMap<>();
    for (JsonNode u : s.path("users")) {
      String name = u.path("username").asText();
      users.put(name, new User(name, u.path("passwordHash").asText(),
          strings(u.path("publish"), List.of()), strings(u.path("subscribe"), List.of())));
    }
    JsonNode anon = s.path("anonymous");
    JsonNode bridge = s.path("bridge");
    String prefix = bridge.path("enabled").asBoolean(true) ? bridge.path("wampPrefix").asText("mqtt") : null;
    return new MqttSettings(config.dev() || s.path("allowAnonymous").asBoolean(false),
        config.dev() ? List.of("#") : strings(anon.path("publish"), List.of("#")),
        config.dev() ? List.of("#") : strings(anon.path("subscribe"), List.of("#")),
        Map.copyOf(users),
        s.path("maxPacketSize").asInt(1024 * 1024),
        s.path("receiveMaximum").asInt(65535),
        s.path("topicAliasMaximum").asInt(16),
        s.path("maxQueuedMessages").asInt(10_000),
        prefix, bridge.path("realm").asText("realm1"), config.dev(), s.path("skynetPass").asText(null),
        new V5(s.path("maxKeepAlive").asInt(0), s.path("responseInformation").asText("responses/"),
            s.path("serverReference").asText(null), s.path("serverMoved").asBoolean(false)),
        new Sys(s.path("sysInterval").asInt(10)));
  }

  private static List<String> strings(JsonNode arr, List<String> dflt) {
    if (!arr.isArray()) return dflt;
    List<String> out = new ArrayList<>();
    for (JsonNode n : arr) out.add(n.asText());
    return List.copyOf(out);
  }
}

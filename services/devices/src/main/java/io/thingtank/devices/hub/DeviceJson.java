package io.thingtank.devices.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/** Shaping device JSON the way SkyNet does. Pure functions; thread-safe. */
public final class DeviceJson {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Properties only the device itself (or its owner) sees: getDevices.js strips them for others. */
  private static final List<String> PRIVATE = List.of("token", "socketid", "_id", "sendWhitelist",
      "sendBlacklist", "viewWhitelist", "viewBlacklist", "owner");

  /** Never stored as properties: identity, credentials and request verbs. */
  static final Set<String> RESERVED = Set.of("uuid", "token", "action", "timestamp");

  private DeviceJson() {}

  /** moment().toISOString(): milliseconds always present. */
  public static String isoTime(long millis) { return ISO.format(Instant.ofEpochMilli(millis)); }

  public static ObjectNode object() { return JsonNodeFactory.instance.objectNode(); }

  /** A copy of {@code device} as {@code viewer} may see it. */
  static ObjectNode viewedBy(ObjectNode device, ObjectNode viewer) {
    ObjectNode copy = device.deepCopy();
    copy.remove("token");
    boolean privileged = viewer != null && (viewer.path("uuid").asText("").equals(device.path("uuid").asText())
        || viewer.path("uuid").asText("").equals(device.path("owner").asText(null)));
    if (!privileged) copy.remove(PRIVATE);
    return copy;
  }

  /** SkyNet's presence coercion: "true"/"false" strings become booleans. */
  static JsonNode coerceOnline(JsonNode v) {
    if (v != null && v.isTextual()) {
      if (v.asText().equals("true")) return JsonNodeFactory.instance.booleanNode(true);
      if (v.asText().equals("false")) return JsonNodeFactory.instance.booleanNode(false);
    }
    return v;
  }

  /** getDevices.js matching: "null" or "" means absent, {@code online} compares as boolean, else text equality. */
  static boolean matches(ObjectNode device, String key, String value) {
    JsonNode v = device.get(key);
    if (value.equals("null") || value.isEmpty()) return v == null || v.isNull();
    if (v == null) return false;
    if (key.equals("online")) return v.asBoolean() == value.equals("true");
    return v.isValueNode() ? v.asText().equals(value) : v.toString().equals(value);
  }
}

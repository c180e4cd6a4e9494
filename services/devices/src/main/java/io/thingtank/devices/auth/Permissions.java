package io.thingtank.devices.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Who may do what to a device, combining the three generations of Meshblu permissions:
 * <ul>
 * <li>SkyNet 2014 ({@code lib/simpleAuth.js}): {@code view}/{@code send}/{@code read}
 *     white- and blacklists, applied only when non-empty;</li>
 * <li>Meshblu 2015 ({@code lib/simpleAuth.coffee} {@code checkLists}): {@code discover},
 *     {@code send}, {@code receive}, {@code configure} lists, where {@code "*"} admits everyone and a
 *     present whitelist closes to everyone else; and the {@code discoverAs}, {@code sendAs},
 *     {@code receiveAs}, {@code configureAs} lists saying who may act as the device;</li>
 * <li>Meshblu v2 ({@code meshblu.version = "2.0.0"}): {@code meshblu.whitelists.discover.view},
 *     {@code configure.update}, {@code message.from}, {@code message.received},
 *     {@code broadcast.sent} and the {@code discover.as}, {@code message.as}, {@code configure.as}
 *     lists, each a list of {@code {"uuid": ...}}.</li>
 * </ul>
 * A device may always act on itself, and its owner on it. Pure functions; thread-safe.
 */
public final class Permissions {
  private Permissions() {}

  /** {@code from} may see {@code to} in device lists. */
  public static boolean canDiscover(ObjectNode from, ObjectNode to) {
    if (selfOrOwner(from, to)) return true;
    if (isV2(to)) return inV2(to, "discover", "view", from);
    Boolean listed = lists(from, to, "discoverWhitelist", "discoverBlacklist");
    if (listed != null) return listed;
    return legacy(from, to, "viewWhitelist", "viewBlacklist");
  }

  /** {@code from} may send messages to {@code to}. */
  public static boolean canSend(ObjectNode from, ObjectNode to) {
    if (selfOrOwner(from, to)) return true;
    if (isV2(to)) return inV2(to, "message", "from", from);
    Boolean listed = lists(from, to, "sendWhitelist", "sendBlacklist");
    return listed == null || listed;
  }

  /** {@code from} may subscribe to {@code to}'s broadcasts. */
  public static boolean canReceive(ObjectNode from, ObjectNode to) {
    if (selfOrOwner(from, to)) return true;
    if (isV2(to)) return inV2(to, "broadcast", "sent", from);
    Boolean listed = lists(from, to, "receiveWhitelist", "receiveBlacklist");
    if (listed != null) return listed;
    return legacy(from, to, "readWhitelist", "readBlacklist");
  }

  /** {@code from} may read messages sent to and by {@code to} (its private traffic). */
  public static boolean canReceiveAs(ObjectNode from, ObjectNode to) {
    if (selfOrOwner(from, to)) return true;
    if (isV2(to)) return inV2(to, "message", "received", from);
    return asLists(from, to, "receiveAsWhitelist", "receiveAsBlacklist");
  }

  /** {@code from} may act as {@code to} when listing devices: it sees what {@code to} may discover. */
  public static boolean canDiscoverAs(ObjectNode from, ObjectNode to) {
    if (selfOrOwner(from, to)) return true;
    if (isV2(to)) return inV2(to, "discover", "as", from);
    return asLists(from, to, "discoverAsWhitelist", "discoverAsBlacklist");
  }

  /** {@code from} may send messages as {@code to} ({@code fromUuid} is {@code to}). */
  public static boolean canSendAs(ObjectNode from, ObjectNode to) {
    if (selfOrOwner(from, to)) return true;
    if (isV2(to)) return inV2(to, "message", "as", from);
    return asLists(from, to, "sendAsWhitelist", "sendAsBlacklist");
  }

  /** {@code from} may act as {@code to} when configuring: it may change what {@code to} may configure. */
  public static boolean canConfigureAs(ObjectNode from, ObjectNode to) {
    if (selfOrOwner(from, to)) return true;
    if (isV2(to)) return inV2(to, "configure", "as", from);
    return asLists(from, to, "configureAsWhitelist", "configureAsBlacklist");
  }

  /** {@code from} may change, delete, claim or re-token {@code to}. */
  public static boolean canConfigure(ObjectNode from, ObjectNode to) {
    if (selfOrOwner(from, to)) return true;
    if (isV2(to)) return inV2(to, "configure", "update", from);
    JsonNode white = to.get("configureWhitelist");
    return white != null && white.isArray() && contains(white, uuid(from));
  }

  /** SkyNet 2014 claiming: an unowned device on the claimer's network, or one it may configure. */
  public static boolean canClaim(ObjectNode from, ObjectNode to) {
    if (canConfigure(from, to)) return true;
    String ip = to.path("ipAddress").asText("");
    return !to.hasNonNull("owner") && !ip.isEmpty() && ip.equals(from.path("ipAddress").asText(""));
  }

  private static boolean selfOrOwner(ObjectNode from, ObjectNode to) {
    if (from == null || to == null) return false;
    String f = uuid(from);
    return f.equals(uuid(to)) || f.equals(to.path("owner").asText(null));
  }

  /** 2015 checkLists: a whitelist decides when present ("*" = all), else a blacklist; null when neither. */
  private static Boolean lists(ObjectNode from, ObjectNode to, String whiteName, String blackName) {
    JsonNode white = to.get(whiteName);
    if (white != null && white.isArray()) return contains(white, "*") || contains(white, uuid(from));
    JsonNode black = to.get(blackName);
    if (black != null && black.isArray()) return !contains(black, uuid(from));
    return null;
  }

  /**
   * 2015 {@code can*As}: closed by default (Meshblu's whitelist defaulted to {@code [owner]});
   * a blacklisted uuid is refused, even when the whitelist holds {@code "*"}; else the
   * whitelist admits its uuids ({@code "*"} = all).
   */
  private static boolean asLists(ObjectNode from, ObjectNode to, String whiteName, String blackName) {
    JsonNode black = to.get(blackName);
    if (black != null && black.isArray() && contains(black, uuid(from))) return false;
    JsonNode white = to.get(whiteName);
    return white != null && white.isArray() && (contains(white, "*") || contains(white, uuid(from)));
  }

  /** 2014 simpleAuth: lists only count when non-empty; open by default. */
  private static boolean legacy(ObjectNode from, ObjectNode to, String whiteName, String blackName) {
    JsonNode white = to.get(whiteName);
    if (white != null && white.isArray() && !white.isEmpty()) return contains(white, uuid(from)) || contains(white, "*");
    JsonNode black = to.get(blackName);
    if (black != null && black.isArray() && !black.isEmpty()) return !contains(black, uuid(from));
    return true;
  }

  private static boolean isV2(ObjectNode to) {
    return to.path("meshblu").path("version").asText("").startsWith("2.");
  }

  private static boolean inV2(ObjectNode to, String group, String kind, ObjectNode from) {
    JsonNode list = to.path("meshblu").path("whitelists").path(group).path(kind);
    if (!list.isArray()) return false;
    for (JsonNode entry : list) {
      String u = entry.isObject() ? entry.path("uuid").asText("") : entry.asText("");
      if (u.equals("*") || u.equals(uuid(from))) return true;
    }
    return false;
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode n : array) if (n.asText("").equals(value)) return true;
    return false;
  }

  private static String uuid(ObjectNode device) { return device.path("uuid").asText(""); }
}

package io.thingtank.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingtank.core.storage.Table;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Wrong tokens, other devices' messages and tokens, white/blacklist edges, token revoke and reset. */
@Timeout(60)
class SecurityIT {
  @TempDir static Path dir;
  static HubNode hub;

  @BeforeAll static void start() { hub = HubNode.start(dir); }

  @AfterAll static void stop() { hub.close(); }

  @Test
  void wrongTokenAndEveryAuthHeaderStyle() throws Exception {
    String[] a = hub.register("{}");
    assertThat(hub.call("GET", "/v2/whoami", new String[] {a[0], "wrong"}, null).status()).isEqualTo(401);
    assertThat(hub.call("GET", "/v2/whoami", new String[] {"no-such-device", a[1]}, null).json().get("error").asText())
        .isEqualTo("unauthorized");
    assertThat(get("/v2/whoami", "Authorization", "Basic " + b64(a[0] + ":" + a[1])).statusCode()).isEqualTo(200);
    assertThat(get("/v2/whoami", "Authorization", "Basic " + b64(a[0] + ":x")).statusCode()).isEqualTo(401);
    assertThat(get("/v2/whoami", "Authorization", "Basic !!!").statusCode()).isEqualTo(401);
    assertThat(get2("/v2/whoami", "X-Meshblu-UUID", a[0], "X-Meshblu-Token", a[1]).statusCode()).isEqualTo(200);
    assertThat(get2("/v2/whoami", "skynet_auth_uuid", a[0], "skynet_auth_token", a[1]).statusCode()).isEqualTo(200);
    assertThat(hub.call("GET", "/authenticate/" + a[0] + "?token=" + a[1], null, null).json().get("authentication").asBoolean()).isTrue();
    HubNode.Reply bad = hub.call("GET", "/authenticate/" + a[0] + "?token=nope", null, null);
    assertThat(bad.status()).isEqualTo(404);
    assertThat(bad.json().get("authentication").asBoolean()).isFalse();
  }

  @Test
  void tokensAreStoredOnlyAsHashes() throws Exception {
    String[] a = hub.register("{\"token\":\"plain-text-secret-value\"}");
    Table t = hub.node.platform().storage().table("devices");
    byte[] needle = "plain-text-secret-value".getBytes(StandardCharsets.UTF_8);
    boolean[] found = {false};
    t.scan(new byte[0], null, (k, v) -> {
      found[0] |= contains(k, needle) || contains(v, needle);
      return true;
    });
    assertThat(found[0]).isFalse();
    assertThat(hub.call("GET", "/v2/whoami", a, null).status()).isEqualTo(200);
  }

  @Test
  void anotherDevicesMessagesAndTokenStayPrivate() throws Exception {
    String[] a = hub.register("{}"), b = hub.register("{}"), c = hub.register("{}");
    // b may not read a's private traffic, token, events or data, nor change a
    assertThat(hub.stream("/subscribe/" + a[0] + "/received", b).status()).isEqualTo(401);
    assertThat(hub.stream("/subscribe/" + a[0] + "/sent", b).status()).isEqualTo(401);
    assertThat(hub.call("GET", "/devices/" + a[0], b, null).json().at("/devices/0").has("token")).isFalse();
    assertThat(hub.call("POST", "/devices/" + a[0] + "/token", b, null).status()).isEqualTo(401);
    assertThat(hub.call("POST", "/devices/" + a[0] + "/tokens", b, null).status()).isEqualTo(401);
    assertThat(hub.call("GET", "/events/" + a[0], b, null).status()).isEqualTo(401);
    assertThat(hub.call("POST", "/data/" + a[0], b, "{\"t\":1}").status()).isEqualTo(401);
    assertThat(hub.call("PUT", "/devices/" + a[0], b, "{\"name\":\"pwned\"}").status()).isEqualTo(401);
    assertThat(hub.call("PATCH", "/v2/devices/" + a[0], b, "{\"name\":\"pwned\"}").status()).isEqualTo(422);
    assertThat(hub.call("DELETE", "/devices/" + a[0], b, null).status()).isEqualTo(401);
    // b may hear a's broadcasts, but a direct message from a to c never reaches b
    try (HubNode.Stream bHears = hub.stream("/subscribe/" + a[0], b);
         HubNode.Stream cHears = hub.stream("/subscribe/" + c[0] + "/received", c)) {
      assertThat(bHears.status()).isEqualTo(200);
      hub.call("POST", "/messages", a, "{\"devices\":[\"" + c[0] + "\"],\"payload\":\"secret\"}");
      hub.call("POST", "/messages", a, "{\"devices\":\"*\",\"payload\":\"public\"}");
      assertThat(cHears.next(5000).get("payload").asText()).isEqualTo("secret");
      assertThat(bHears.next(5000).get("payload").asText()).isEqualTo("public");
      assertThat(bHears.next(300)).isNull();
    }
  }

  @Test
  void sendListsDecideWhoMayMessage() throws Exception {
    String[] a = hub.register("{}"), b = hub.register("{}");
    String[] c = hub.register("{\"sendWhitelist\":[\"" + a[0] + "\"]}");
    String[] d = hub.register("{\"sendBlacklist\":[\"" + b[0] + "\"]}");
    String[] e = hub.register("{\"sendWhitelist\":[]}");
    String[] f = hub.register("{\"sendWhitelist\":[\"*\"]}");
    assertThat(delivered(b, c)).isFalse();
    assertThat(delivered(a, c)).isTrue();
    assertThat(delivered(b, d)).isFalse();
    assertThat(delivered(a, d)).isTrue();
    assertThat(delivered(a, e)).as("a present, empty 2015 whitelist admits no one").isFalse();
    assertThat(delivered(b, f)).isTrue();
  }

  @Test
  void discoverAndConfigureListsAndV2Whitelists() throws Exception {
    String[] a = hub.register("{}"), b = hub.register("{}");
    String[] hidden = hub.register("{\"discoverWhitelist\":[\"" + a[0] + "\"]}");
    String[] legacyOpen = hub.register("{\"viewWhitelist\":[]}");
    String[] v2 = hub.register("{\"meshblu\":{\"version\":\"2.0.0\",\"whitelists\":{\"discover\":{\"view\":[{\"uuid\":\""
        + a[0] + "\"}]},\"configure\":{\"update\":[{\"uuid\":\"" + a[0] + "\"}]}}}}");
    String[] conf = hub.register("{\"configureWhitelist\":[\"" + b[0] + "\"]}");
    assertThat(hub.call("GET", "/devices/" + hidden[0], a, null).status()).isEqualTo(200);
    assertThat(hub.call("GET", "/devices/" + hidden[0], b, null).status()).isEqualTo(404);
    assertThat(hub.call("GET", "/devices/" + legacyOpen[0], b, null).status()).as("2014: empty list is no list").isEqualTo(200);
    assertThat(hub.call("GET", "/v2/devices/" + v2[0], a, null).status()).isEqualTo(200);
    assertThat(hub.call("GET", "/v2/devices/" + v2[0], b, null).status()).isEqualTo(404);
    assertThat(hub.call("PATCH", "/v2/devices/" + v2[0], a, "{\"color\":\"red\"}").status()).isEqualTo(204);
    assertThat(hub.call("PATCH", "/v2/devices/" + v2[0], b, "{\"color\":\"red\"}").status()).isEqualTo(422);
    assertThat(hub.call("PUT", "/devices/" + conf[0], b, "{\"color\":\"green\"}").status()).isEqualTo(200);
    assertThat(hub.call("PUT", "/devices/" + conf[0], a, "{\"color\":\"green\"}").status()).isEqualTo(401);
    // the owner may configure what it owns, and sees its private fields
    String[] owned = hub.register("{\"owner\":\"" + a[0] + "\"}");
    assertThat(hub.call("PUT", "/devices/" + owned[0], a, "{\"color\":\"blue\"}").status()).isEqualTo(200);
    assertThat(hub.call("GET", "/mydevices", a, null).json().at("/devices/0/uuid").asText()).isEqualTo(owned[0]);
    assertThat(hub.call("GET", "/devices/" + owned[0], b, null).json().at("/devices/0").has("owner")).isFalse();
  }

  @Test
  void tokenCreateRevokeAndReset() throws Exception {
    String[] a = hub.register("{}");
    String second = hub.call("POST", "/devices/" + a[0] + "/tokens", a, null).json().get("token").asText();
    assertThat(hub.call("GET", "/v2/whoami", new String[] {a[0], second}, null).status()).isEqualTo(200);
    assertThat(hub.call("DELETE", "/devices/" + a[0] + "/tokens/" + second, a, null).status()).isEqualTo(204);
    assertThat(hub.call("GET", "/v2/whoami", new String[] {a[0], second}, null).status()).isEqualTo(401);
    assertThat(hub.call("GET", "/v2/whoami", a, null).status()).isEqualTo(200);
    assertThat(hub.call("DELETE", "/devices/" + a[0] + "/tokens/" + second, a, null).status()).isEqualTo(404);
    HubNode.Reply reset = hub.call("POST", "/devices/" + a[0] + "/token", a, null);
    assertThat(reset.status()).isEqualTo(201);
    String fresh = reset.json().get("token").asText();
    assertThat(hub.call("GET", "/v2/whoami", a, null).status()).isEqualTo(401);
    assertThat(hub.call("GET", "/v2/whoami", new String[] {a[0], fresh}, null).status()).isEqualTo(200);
  }

  @Test
  void actingAsAnotherDeviceNeedsItsAsLists() throws Exception {
    String[] b = hub.register("{}"), c = hub.register("{}");
    String[] a = hub.register("{\"sendAsWhitelist\":[\"" + b[0] + "\"],\"discoverAsWhitelist\":[\"*\"],"
        + "\"discoverAsBlacklist\":[\"" + c[0] + "\"],\"configureAsWhitelist\":[\"" + b[0] + "\"]}");
    String[] onlyA = hub.register("{\"sendWhitelist\":[\"" + a[0] + "\"]}");
    String[] seenByA = hub.register("{\"discoverWhitelist\":[\"" + a[0] + "\"]}");
    String[] confByA = hub.register("{\"configureWhitelist\":[\"" + a[0] + "\"]}");
    String msg = "{\"devices\":[\"" + onlyA[0] + "\"],\"payload\":\"as-a\"}";
    try (HubNode.Stream hears = hub.stream("/subscribe/" + onlyA[0] + "/received", onlyA)) {
      HttpResponse<String> sent = as("POST", "/messages", b, a[0], msg);
      assertThat(sent.statusCode()).isEqualTo(200);
      assertThat(HubNode.JSON.readTree(sent.body()).get("fromUuid").asText()).isEqualTo(a[0]);
      JsonNode got = hears.next(5000);
      assertThat(got.get("payload").asText()).isEqualTo("as-a");
      assertThat(got.get("fromUuid").asText()).isEqualTo(a[0]);
      assertThat(as("POST", "/messages", c, a[0], msg).statusCode()).as("c is not in sendAsWhitelist").isEqualTo(403);
      assertThat(hears.next(500)).isNull();
    }
    assertThat(hub.call("GET", "/devices/" + seenByA[0], b, null).status()).isEqualTo(404);
    assertThat(as("GET", "/devices/" + seenByA[0], b, a[0], null).statusCode()).as("\"*\" admits b").isEqualTo(200);
    assertThat(as("GET", "/devices/" + seenByA[0], c, a[0], null).statusCode()).as("blacklist denies c").isEqualTo(403);
    assertThat(as("PUT", "/devices/" + confByA[0], b, a[0], "{\"color\":\"red\"}").statusCode()).isEqualTo(200);
    assertThat(as("PUT", "/devices/" + confByA[0], c, a[0], "{\"color\":\"red\"}").statusCode()).isEqualTo(403);
    assertThat(as("GET", "/v2/whoami", b, "no-such-device", null).statusCode()).isEqualTo(403);
  }

  private static boolean delivered(String[] from, String[] to) throws Exception {
    try (HubNode.Stream s = hub.stream("/subscribe/" + to[0] + "/received", to)) {
      hub.call("POST", "/messages", from, "{\"devices\":\"" + to[0] + "\",\"payload\":1}");
      JsonNode got = s.next(1500);
      return got != null;
    }
  }

  private static HttpResponse<String> get(String path, String header, String value) throws Exception {
    return hub.http.send(HttpRequest.newBuilder(URI.create(hub.url(path))).header(header, value).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get2(String path, String h1, String v1, String h2, String v2) throws Exception {
    return hub.http.send(HttpRequest.newBuilder(URI.create(hub.url(path))).header(h1, v1).header(h2, v2).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A request by {@code auth} acting as {@code asUuid} through Meshblu's {@code x-meshblu-as} header. */
  private static HttpResponse<String> as(String method, String path, String[] auth, String asUuid, String body) throws Exception {
    return hub.http.send(HttpRequest.newBuilder(URI.create(hub.url(path)))
        .header("Authorization", "Basic " + b64(auth[0] + ":" + auth[1])).header("x-meshblu-as", asUuid)
        .header("content-type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String b64(String s) { return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)); }

  private static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      return true;
    }
    return false;
  }
}

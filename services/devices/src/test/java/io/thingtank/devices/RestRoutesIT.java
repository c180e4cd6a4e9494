package io.thingtank.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The REST routes not covered by the curl box: 2014 queries and claiming, Meshblu v2 routes and subscriptions. */
@Timeout(60)
class RestRoutesIT {
  @TempDir static Path dir;
  static HubNode hub;

  @BeforeAll static void start() { hub = HubNode.start(dir); }

  @AfterAll static void stop() { hub.close(); }

  @Test
  void skynet2014Routes() throws Exception {
    String[] a = hub.register("{\"type\":\"lamp\",\"publicKey\":\"-----BEGIN PUBLIC KEY-----x\"}");
    String[] lamp2 = hub.register("{\"type\":\"lamp\"}");
    assertThat(hub.call("GET", "/ipaddress", null, null).json().get("ipAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(hub.call("GET", "/devices?type=lamp", a, null).json().get("devices").size()).isGreaterThanOrEqualTo(2);
    assertThat(hub.call("GET", "/devices?type=toaster", a, null).status()).isEqualTo(404);
    assertThat(hub.call("GET", "/devices?type=lamp&online=true", a, null).status()).isEqualTo(404);
    // every device here is on 127.0.0.1, so lamp2 is local to a and unowned: a may claim it
    assertThat(hub.call("GET", "/localdevices", a, null).json().get("devices").size()).isGreaterThanOrEqualTo(2);
    assertThat(hub.call("PUT", "/claimdevice/" + lamp2[0], a, null).json().get("owner").asText()).isEqualTo(a[0]);
    assertThat(hub.call("GET", "/mydevices", a, null).json().at("/devices/0/uuid").asText()).isEqualTo(lamp2[0]);
    assertThat(hub.call("GET", "/devices/" + a[0] + "/publickey", null, null).json().get("publicKey").asText())
        .startsWith("-----BEGIN");
    // the owner may delete what it claimed; events honour ?limit
    assertThat(hub.call("DELETE", "/devices/" + lamp2[0], a, null).json().get("uuid").asText()).isEqualTo(lamp2[0]);
    assertThat(hub.call("GET", "/v2/whoami", lamp2, null).status()).isEqualTo(401);
    assertThat(hub.call("GET", "/events/" + a[0] + "?limit=2", a, null).json().get("events").size()).isEqualTo(2);
    assertThat(hub.call("GET", "/data/" + a[0], a, null).status()).isEqualTo(404);
  }

  @Test
  void meshbluV2Routes() throws Exception {
    String[] a = hub.register("{\"color\":\"green\",\"n\":1}"), b = hub.register("{}");
    assertThat(hub.call("GET", "/v2/whoami", a, null).json().get("uuid").asText()).isEqualTo(a[0]);
    assertThat(hub.call("PUT", "/v2/devices/" + a[0], a, "{\"$inc\":{\"n\":4},\"$set\":{\"shape\":\"round\"}}").status())
        .isEqualTo(204);
    var dev = hub.call("GET", "/v2/devices/" + a[0], a, null).json();
    assertThat(dev.get("n").asInt()).isEqualTo(5);
    assertThat(dev.get("shape").asText()).isEqualTo("round");
    assertThat(hub.call("PUT", "/v2/devices/" + a[0], a, "{\"$rename\":{\"n\":\"m\"}}").status()).isEqualTo(422);
    assertThat(hub.call("POST", "/search/devices", b, "{\"shape\":\"round\"}").json().get(0).get("uuid").asText())
        .isEqualTo(a[0]);
    assertThat(hub.call("GET", "/v2/devices?shape=round", b, null).json().get(0).get("uuid").asText()).isEqualTo(a[0]);
    assertThat(hub.call("GET", "/v2/devices/no-such", b, null).status()).isEqualTo(404);

    // a v2 subscription of b to a's broadcasts feeds b's GET /subscribe stream
    assertThat(hub.call("POST", "/v2/devices/" + b[0] + "/subscriptions/" + a[0] + "/broadcast", b, null).status())
        .isEqualTo(204);
    assertThat(hub.call("POST", "/v2/devices/" + b[0] + "/subscriptions/" + a[0] + "/bogus", b, null).status())
        .isEqualTo(422);
    assertThat(hub.call("POST", "/v2/devices/" + a[0] + "/subscriptions/" + b[0] + "/broadcast", b, null).status())
        .as("only who configures the subscriber may subscribe it").isEqualTo(401);
    try (HubNode.Stream s = hub.stream("/subscribe", b)) {
      hub.call("POST", "/messages", a, "{\"devices\":\"*\",\"payload\":\"v2\"}");
      assertThat(s.next(5000).get("payload").asText()).isEqualTo("v2");
    }
    // the legacy "message" key travels as sent
    try (HubNode.Stream s = hub.stream("/subscribe/" + b[0] + "/received", b)) {
      hub.call("POST", "/messages", a, "{\"devices\":\"" + b[0] + "\",\"message\":{\"led\":\"on\"}}");
      assertThat(s.next(5000).at("/message/led").asText()).isEqualTo("on");
    }
    assertThat(hub.call("DELETE", "/v2/devices/" + b[0] + "/subscriptions/" + a[0] + "/broadcast", b, null).status())
        .isEqualTo(204);
    assertThat(hub.call("GET", "/v2/devices/" + b[0] + "/subscriptions", b, null).json().size()).isZero();
  }
}

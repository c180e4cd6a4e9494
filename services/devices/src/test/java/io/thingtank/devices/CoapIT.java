package io.thingtank.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CoAP mirror driven by libcoap's coap-client (Debian libcoap3-bin), including observe on subscribe. */
@Timeout(60)
class CoapIT {
  @TempDir static Path dir;
  static HubNode hub;

  @BeforeAll static void start() { hub = HubNode.start(dir); }

  @AfterAll static void stop() { hub.close(); }

  static String uri(String path) { return "coap://127.0.0.1:" + hub.devices.coapPort() + path; }

  static List<String> cmd(String method, String path, String[] auth, String payload) {
    List<String> c = new ArrayList<>(List.of("coap-client-notls", "-B", "5", "-m", method));
    if (auth != null) c.addAll(List.of("-O", "98," + auth[0], "-O", "99," + auth[1]));
    if (payload != null) c.addAll(List.of("-t", "json", "-e", payload));
    c.add(uri(path));
    return c;
  }

  static JsonNode coap(String method, String path, String[] auth, String payload) throws Exception {
    // coap-client prints a 4.xx/5.xx code line on stderr before the payload
    Process p = new ProcessBuilder(cmd(method, path, auth, payload)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
    int brace = out.indexOf('{');
    assertThat(brace).as(out).isGreaterThanOrEqualTo(0);
    return HubNode.JSON.readTree(out.substring(brace));
  }

  @Test
  void restMirror() throws Exception {
    assertThat(coap("get", "/status", null, null).get("skynet").asText()).isEqualTo("online");
    JsonNode created = coap("post", "/devices", null, "{\"name\":\"coapdev\"}");
    String[] a = {created.get("uuid").asText(), created.get("token").asText()};
    assertThat(coap("get", "/devices/" + a[0], a, null).at("/devices/0/name").asText()).isEqualTo("coapdev");
    assertThat(coap("put", "/devices/" + a[0], a, "{\"color\":\"red\"}").get("color").asText()).isEqualTo("red");
    assertThat(coap("post", "/data/" + a[0], a, "{\"t\":5}").get("t").asText()).isEqualTo("5");
    assertThat(coap("get", "/data/" + a[0] + "?uuid=" + a[0] + "&token=" + a[1], null, null).at("/data/0/t").asText()).isEqualTo("5");
    assertThat(coap("get", "/devices/" + a[0], new String[] {a[0], "bad"}, null).get("error").asText()).isEqualTo("unauthorized");
    assertThat(coap("get", "/events/" + a[0], a, null).get("events").size()).isGreaterThan(0);
  }

  /** A running {@code coap-client -s 10 -w} observation: the lines of JSON it prints. */
  record Observation(Process process, LinkedBlockingQueue<String> lines) implements AutoCloseable {
    static Observation open(String path, String[] auth) throws Exception {
      List<String> c = cmd("get", path, auth, null);
      c.addAll(1, List.of("-s", "10", "-w"));
      Process obs = new ProcessBuilder(c).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread t = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(obs.getInputStream(), StandardCharsets.UTF_8))) {
          for (String l; (l = r.readLine()) != null; ) if (!l.isBlank()) lines.add(l);
        } catch (Exception ignored) {
          // process ended
        }
      });
      t.setDaemon(true);
      t.start();
      return new Observation(obs, lines);
    }

    /** Sends with {@code send} (at most 20 times, until a notification arrives); answers it as JSON. */
    JsonNode heardAfter(SendStep send) throws Exception {
      assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo("{}"); // the first GET: nothing yet
      String heard = null;
      for (int i = 0; i < 20 && heard == null; i++) {
        send.send(i);
        heard = lines.poll(500, TimeUnit.MILLISECONDS);
      }
      assertThat(heard).as("no notification").isNotNull();
      return HubNode.JSON.readTree(heard);
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }

  /** One attempt to make a notification happen. */
  interface SendStep {
    void send(int attempt) throws Exception;
  }

  @Test
  void observeSubscribeGetsEachBroadcast() throws Exception {
    String[] a = hub.register("{}"), b = hub.register("{}");
    try (Observation obs = Observation.open("/subscribe/" + a[0], b)) {
      JsonNode heard = obs.heardAfter(i -> hub.call("POST", "/messages", a, "{\"devices\":\"*\",\"payload\":{\"n\":" + i + "}}"));
      assertThat(heard.get("fromUuid").asText()).isEqualTo(a[0]);
      hub.call("POST", "/messages", a, "{\"devices\":\"*\",\"payload\":{\"n\":\"last\"}}");
      String last = null;
      for (String l; (l = obs.lines().poll(3, TimeUnit.SECONDS)) != null; ) last = l;
      assertThat(HubNode.JSON.readTree(last).at("/payload/n").asText()).isEqualTo("last");
    }
    // and the private feed refuses a stranger
    JsonNode denied = coap("get", "/subscribe/" + a[0] + "/received", b, null);
    assertThat(denied.get("error").asText()).isEqualTo("unauthorized");
  }

  @Test
  void deleteDeviceRemovesIt() throws Exception {
    String[] a = hub.register("{}"), gone = hub.register("{}");
    assertThat(coap("delete", "/devices/" + gone[0], gone, null).get("uuid").asText()).isEqualTo(gone[0]);
    assertThat(hub.call("GET", "/devices/" + gone[0], a, null).status()).isEqualTo(404);
    assertThat(coap("get", "/devices/" + gone[0], a, null).get("code").asInt()).isEqualTo(404);
  }

  @Test
  void queriesMyDevicesAndIpAddress() throws Exception {
    String[] a = hub.register("{}");
    String[] mine = hub.register("{\"owner\":\"" + a[0] + "\",\"kind\":\"coap-query-" + a[0] + "\"}");
    JsonNode found = coap("get", "/devices?kind=coap-query-" + a[0], a, null);
    assertThat(found.get("devices")).hasSize(1);
    assertThat(found.at("/devices/0/uuid").asText()).isEqualTo(mine[0]);
    JsonNode my = coap("get", "/mydevices", a, null);
    assertThat(my.get("devices")).hasSize(1);
    assertThat(my.at("/devices/0/uuid").asText()).isEqualTo(mine[0]);
    assertThat(coap("get", "/ipaddress", null, null).get("ipAddress").asText()).isEqualTo("127.0.0.1");
  }

  @Test
  void messagePostedOverCoapReachesTheSubscribedTarget() throws Exception {
    String[] from = hub.register("{}"), to = hub.register("{}");
    try (HubNode.Stream rest = hub.stream("/subscribe/" + to[0] + "/received", to);
        Observation obs = Observation.open("/subscribe/" + to[0] + "/received", to)) {
      assertThat(rest.status()).isEqualTo(200);
      JsonNode heard = obs.heardAfter(i -> coap("post", "/messages", from,
          "{\"devices\":[\"" + to[0] + "\"],\"payload\":{\"n\":" + i + "}}"));
      assertThat(heard.get("fromUuid").asText()).isEqualTo(from[0]);
      assertThat(heard.get("devices").get(0).asText()).isEqualTo(to[0]);
      JsonNode streamed = rest.next(5000);
      assertThat(streamed).isNotNull();
      assertThat(streamed.get("fromUuid").asText()).isEqualTo(from[0]);
    }
  }

  @Test
  void localDevicesAndClaiming() throws Exception {
    String[] a = hub.register("{}"), b = hub.register("{}"), loose = hub.register("{}");
    JsonNode local = coap("get", "/localdevices", a, null);
    assertThat(local.get("devices").findValuesAsText("uuid")).contains(loose[0]);
    JsonNode claimed = coap("put", "/claimdevice/" + loose[0], a, "{\"name\":\"mine-now\"}");
    assertThat(claimed.get("owner").asText()).isEqualTo(a[0]);
    assertThat(claimed.get("name").asText()).isEqualTo("mine-now");
    assertThat(coap("get", "/mydevices", a, null).get("devices").findValuesAsText("uuid")).containsExactly(loose[0]);
    assertThat(coap("put", "/claimdevice/" + loose[0], b, null).get("error").asText()).isEqualTo("unauthorized");
  }

  @Test
  void authenticateChecksTheToken() throws Exception {
    String[] a = hub.register("{}");
    JsonNode ok = coap("get", "/authenticate/" + a[0] + "?token=" + a[1], null, null);
    assertThat(ok.get("authentication").asBoolean()).isTrue();
    assertThat(ok.get("uuid").asText()).isEqualTo(a[0]);
    assertThat(coap("get", "/authenticate/" + a[0] + "?token=wrong", null, null).get("authentication").asBoolean()).isFalse();
    assertThat(hub.call("GET", "/events/" + a[0], a, null).json().get("events").findValues("authentication"))
        .extracting(JsonNode::asBoolean).contains(true, false);
  }

  @Test
  void observeBroadcastFeed() throws Exception {
    String[] a = hub.register("{}"), b = hub.register("{}");
    try (Observation obs = Observation.open("/subscribe/" + a[0] + "/broadcast", b)) {
      JsonNode heard = obs.heardAfter(i -> hub.call("POST", "/messages", a, "{\"devices\":\"*\",\"payload\":{\"n\":" + i + "}}"));
      assertThat(heard.get("fromUuid").asText()).isEqualTo(a[0]);
      assertThat(heard.get("devices").toString()).contains("*"); // a string or a list, as sent
      assertThat(heard.at("/payload/n").isInt()).isTrue();
    }
  }

  @Test
  void observeSentFeed() throws Exception {
    String[] a = hub.register("{}"), to = hub.register("{}"), stranger = hub.register("{}");
    try (Observation obs = Observation.open("/subscribe/" + a[0] + "/sent", a)) {
      JsonNode heard = obs.heardAfter(i -> hub.call("POST", "/messages", a,
          "{\"devices\":[\"" + to[0] + "\"],\"payload\":{\"n\":" + i + "}}"));
      assertThat(heard.get("fromUuid").asText()).isEqualTo(a[0]);
      assertThat(heard.get("devices").get(0).asText()).isEqualTo(to[0]);
    }
    assertThat(coap("get", "/subscribe/" + a[0] + "/sent", stranger, null).get("error").asText()).isEqualTo("unauthorized");
  }
}

package io.thingtank.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The seed's Box 8.41: SkyNet's own curl examples against the hub (create, update, events, subscribe, message). */
@Timeout(60)
class CurlBoxIT {
  @TempDir static Path dir;
  static HubNode hub;

  @BeforeAll static void start() { hub = HubNode.start(dir); }

  @AfterAll static void stop() { hub.close(); }

  static JsonNode curl(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("curl", "-s", "--max-time", "10"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
    return HubNode.JSON.readTree(out);
  }

  @Test
  void box841() throws Exception {
    // GIVEN the status route answers like SkyNet
    assertThat(curl(hub.url("/status")).path("skynet").asText()).isEqualTo("online");

    // WHEN devices are created with a form (curl -X POST -d "name=arduino&description=this+is+a+test")
    JsonNode arduino = curl("-X", "POST", "-d", "name=arduino&description=this+is+a+test", hub.url("/devices"));
    JsonNode phone = curl("-X", "POST", "-d", "name=phone&token=mysecret123", hub.url("/devices"));
    String uuid = arduino.get("uuid").asText(), token = arduino.get("token").asText();
    // THEN each gets a uuid and token; a given token is honoured; description is kept
    assertThat(uuid).hasSize(36);
    assertThat(token).hasSize(40);
    assertThat(arduino.get("description").asText()).isEqualTo("this is a test");
    assertThat(arduino.get("online").asBoolean()).isFalse();
    assertThat(phone.get("token").asText()).isEqualTo("mysecret123");

    // WHEN the device is updated (curl -X PUT -d "token=...&online=true&temp=hello")
    JsonNode upd = curl("-X", "PUT", "-d", "token=" + token + "&online=true&temp=hello&temp2=",
        hub.url("/devices/" + uuid));
    assertThat(upd.get("uuid").asText()).isEqualTo(uuid);
    assertThat(upd.get("online").asBoolean()).isTrue();
    assertThat(upd.has("token")).isFalse();
    JsonNode got = curl("-H", "skynet_auth_uuid: " + uuid, "-H", "skynet_auth_token: " + token, hub.url("/devices/" + uuid));
    assertThat(got.at("/devices/0/temp").asText()).isEqualTo("hello");
    assertThat(got.at("/devices/0").has("temp2")).isFalse();
    assertThat(got.at("/devices/0").has("token")).isFalse();

    // WHEN someone subscribes (curl streaming GET /subscribe/:uuid) and a message is posted
    Process sub = new ProcessBuilder("curl", "-s", "-N", "--max-time", "20",
        "-H", "skynet_auth_uuid: " + uuid, "-H", "skynet_auth_token: " + token, hub.url("/subscribe/" + uuid)).start();
    BufferedReader lines = new BufferedReader(new InputStreamReader(sub.getInputStream(), StandardCharsets.UTF_8));
    String phoneUuid = phone.get("uuid").asText();
    JsonNode sent = null;
    String line = null;
    for (int attempt = 0; attempt < 50 && line == null; attempt++) {
      // the stream opens asynchronously: resend until the subscriber hears one
      sent = curl("-X", "POST", "-H", "meshblu_auth_uuid: " + phoneUuid, "-H", "meshblu_auth_token: mysecret123",
          "-d", "{\"devices\": \"" + uuid + "\", \"payload\": {\"yellow\":\"off\"}}", hub.url("/messages"));
      if (sub.getInputStream().available() > 0 || attempt > 2) line = readLineWithin(lines, sub, 500);
    }
    sub.destroy();
    // THEN the message is echoed with fromUuid, and the subscriber got it as one JSON line
    assertThat(sent.get("fromUuid").asText()).isEqualTo(phoneUuid);
    assertThat(line).isNotNull();
    JsonNode heard = HubNode.JSON.readTree(line);
    assertThat(heard.at("/payload/yellow").asText()).isEqualTo("off");
    assertThat(heard.get("fromUuid").asText()).isEqualTo(phoneUuid);

    // WHEN the events are read (curl GET /events/:uuid?token=...)
    JsonNode events = curl(hub.url("/events/" + uuid + "?token=" + token));
    // THEN SkyNet's event codes are there: register 400, update 401, subscribe 204, message 300
    List<Integer> codes = new ArrayList<>();
    events.get("events").forEach(e -> codes.add(e.get("eventCode").asInt()));
    assertThat(codes).contains(400, 401, 300).hasSizeLessThanOrEqualTo(10);
    events.get("events").forEach(e -> assertThat(e.has("token")).isFalse());

    // AND a wrong token is refused with SkyNet's 401 body
    JsonNode denied = curl(hub.url("/events/" + uuid + "?token=wrong"));
    assertThat(denied.get("error").asText()).isEqualTo("unauthorized");
  }

  private static String readLineWithin(BufferedReader r, Process p, long millis) throws Exception {
    long end = System.currentTimeMillis() + millis;
    StringBuilder b = new StringBuilder();
    while (System.currentTimeMillis() < end) {
      while (p.getInputStream().available() > 0 || r.ready()) {
        int c = r.read();
        if (c < 0) return null;
        if (c == '\n') {
          if (b.toString().isBlank()) continue;
          return b.toString();
        }
        b.append((char) c);
      }
      Thread.sleep(20);
    }
    return null;
  }
}

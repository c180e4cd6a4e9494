package io.thingtank.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Devices, tokens, events, data and subscriptions survive a clean restart and kill -9 of the process. */
@Timeout(90)
class RestartIT {
  @TempDir Path dir;

  @Test
  void everythingSurvivesACleanRestart() throws Exception {
    String[] a, b;
    String second;
    try (HubNode hub = HubNode.start(dir)) {
      a = hub.register("{\"name\":\"a\",\"token\":\"given-token\"}");
      b = hub.register("{\"name\":\"b\",\"owner\":\"" + a[0] + "\"}");
      hub.call("PUT", "/devices/" + a[0], a, "{\"color\":\"teal\"}");
      hub.call("POST", "/messages", a, "{\"devices\":\"" + b[0] + "\",\"payload\":1}");
      hub.call("POST", "/data/" + a[0], a, "{\"temperature\":21}");
      second = hub.call("POST", "/devices/" + a[0] + "/tokens", a, null).json().get("token").asText();
      assertThat(hub.call("POST", "/v2/devices/" + a[0] + "/subscriptions/" + b[0] + "/broadcast", a, null).status()).isEqualTo(204);
      hub.call("GET", "/events/" + a[0], a, null); // the event log is written in order before this read answers
    }
    try (HubNode hub = HubNode.start(dir)) {
      assertThat(hub.call("GET", "/v2/whoami", a, null).json().get("color").asText()).isEqualTo("teal");
      assertThat(hub.call("GET", "/v2/whoami", new String[] {a[0], second}, null).status()).isEqualTo(200);
      assertThat(hub.call("GET", "/v2/whoami", b, null).json().get("owner").asText()).isEqualTo(a[0]);
      assertThat(hub.call("GET", "/data/" + a[0], a, null).json().at("/data/0/temperature").asText()).isEqualTo("21");
      var codes = new java.util.ArrayList<Integer>();
      hub.call("GET", "/events/" + a[0], a, null).json().get("events").forEach(e -> codes.add(e.get("eventCode").asInt()));
      assertThat(codes).contains(400, 401, 300, 700);
      assertThat(hub.call("GET", "/v2/devices/" + a[0] + "/subscriptions", a, null).json().get(0).get("emitterUuid").asText())
          .isEqualTo(b[0]);
      // and new writes after the restart sort after the old ones
      hub.call("POST", "/data/" + a[0], a, "{\"temperature\":22}");
      assertThat(hub.call("GET", "/data/" + a[0], a, null).json().at("/data/0/temperature").asText()).isEqualTo("22");
    }
  }

  @Test
  void acknowledgedWritesSurviveKillDashNine() throws Exception {
    Process child = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(),
        "-cp", System.getProperty("java.class.path"), HubMain.class.getName(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String[] a;
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).startsWith("PORT ");
      int port = Integer.parseInt(line.substring(5).trim());
      a = ChildClient.register(port, "{\"name\":\"survivor\",\"token\":\"kill-token\"}");
      ChildClient.post(port, "/data/" + a[0], a, "{\"reading\":7}");
      ChildClient.post(port, "/messages", a, "{\"devices\":\"" + a[0] + "\",\"payload\":\"x\"}");
      ChildClient.get(port, "/events/" + a[0], a);
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush
      assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
    try (HubNode hub = HubNode.start(dir)) {
      assertThat(hub.call("GET", "/v2/whoami", a, null).json().get("name").asText()).isEqualTo("survivor");
      assertThat(hub.call("GET", "/data/" + a[0], a, null).json().at("/data/0/reading").asText()).isEqualTo("7");
      assertThat(hub.call("GET", "/events/" + a[0], a, null).json().get("events").size()).isGreaterThanOrEqualTo(2);
    }
  }
}

package io.thingtank.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Box 8.42 equivalent: Debian's python3-socketio client (Socket.IO v5) drives SkyNet's socket API. */
@Timeout(90)
class PythonSocketIoIT {
  @TempDir Path dir;

  @Test
  void skynetSocketApiWithPythonClient() throws Exception {
    try (HubNode hub = HubNode.start(dir)) {
      // GIVEN two registered devices
      String[] a = hub.register("{\"name\":\"a\"}");
      String[] b = hub.register("{\"name\":\"b\"}");
      // WHEN the python client runs SkyNet's handshake and API calls
      Process p = new ProcessBuilder("/usr/bin/python3", "src/test/python/skynet_box842.py",
          hub.url(""), a[0], a[1], b[0], b[1]).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      JsonNode r = HubNode.JSON.readTree(out);
      // THEN identify -> identity -> ready, over WebSocket (upgraded) and long-polling
      assertThat(r.at("/identify/socketid").asText()).isNotEmpty();
      assertThat(r.at("/ready/status").asInt()).isEqualTo(201);
      assertThat(r.at("/ready/uuid").asText()).isEqualTo(a[0]);
      assertThat(r.get("a_transport").asText()).isEqualTo("websocket");
      assertThat(r.get("b_transport").asText()).isEqualTo("polling");
      // AND every event answers through its ack
      assertThat(r.at("/whoami/uuid").asText()).isEqualTo(a[0]);
      assertThat(r.at("/whoami/online").asBoolean()).isTrue();
      assertThat(r.at("/whoami").has("token")).isFalse();
      assertThat(r.at("/status/skynet").asText()).isEqualTo("online");
      assertThat(r.at("/update/color").asText()).isEqualTo("blue");
      assertThat(r.at("/devices/devices/0/uuid").asText()).isEqualTo(a[0]);
      assertThat(r.get("b_got_message").asBoolean()).isTrue();
      assertThat(r.at("/b_message/payload/hello").asText()).isEqualTo("b");
      assertThat(r.at("/b_message/fromUuid").asText()).isEqualTo(a[0]);
      assertThat(r.at("/data/temperature").asText()).isEqualTo("72");
      assertThat(r.at("/getdata/data/0/temperature").asText()).isEqualTo("72");
      // b may hear a's broadcasts but not a's private traffic
      assertThat(r.at("/subscribe_foreign/result").asBoolean()).isFalse();
      assertThat(r.at("/subscribe_broadcast/result").asBoolean()).isTrue();
      assertThat(r.at("/unsubscribe/api").asText()).isEqualTo("unsubscribe");
      assertThat(r.at("/localdevices/devices").size()).isGreaterThanOrEqualTo(2);
      assertThat(r.at("/registered/token").asText()).hasSize(40);
      assertThat(r.at("/claim/results/owner").asText()).isEqualTo(a[0]);
      assertThat(r.at("/generated/token").asText()).hasSize(40);
      assertThat(r.at("/revoked/uuid").asText()).isEqualTo(r.at("/registered/uuid").asText());
      assertThat(r.at("/reset/token").asText()).hasSize(40);
      assertThat(r.at("/mydevices/devices/0/uuid").asText()).isEqualTo(r.at("/registered/uuid").asText());
      assertThat(r.at("/unregister/uuid").asText()).isEqualTo(r.at("/registered/uuid").asText());
      assertThat(r.at("/events/events").size()).isBetween(1, 10);
      assertThat(r.at("/authenticate_bad/authentication").asBoolean()).isFalse();
    }
  }
}

package io.thingtank.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The npm socket.io-client (installed by scripts/deps/devices.sh) over WebSocket-only and polling-only transports. */
@Timeout(60)
class NodeSocketIoIT {
  @TempDir Path dir;

  @Test
  void socketIoClientFromNpm() throws Exception {
    assertThat(new File("src/test/node/node_modules/socket.io-client")).as("run scripts/install-test-deps.sh").exists();
    try (HubNode hub = HubNode.start(dir)) {
      String[] a = hub.register("{\"name\":\"a\"}");
      String[] b = hub.register("{\"name\":\"b\"}");
      Process p = new ProcessBuilder("node", "skynet_client.js", hub.url(""), a[0], a[1], b[0], b[1])
          .directory(new File("src/test/node")).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(40, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      JsonNode r = HubNode.JSON.readTree(out);
      // THEN valid credentials are ready, a wrong token is notReady with SkyNet's 401
      assertThat(r.at("/a/ready/uuid").asText()).isEqualTo(a[0]);
      assertThat(r.at("/b/ready/status").asInt()).isEqualTo(201);
      assertThat(r.at("/bad/notReady/status").asInt()).isEqualTo(401);
      // AND an identity without uuid and token registers a new device (updateSocketId.js)
      assertThat(r.at("/anon/ready/token").asText()).hasSize(40);
      assertThat(r.at("/anonWhoami/name").asText()).isEqualTo("auto");
      // AND a message with an ack reaches b over long-polling, with fromUuid set by the server
      assertThat(r.at("/sent/fromUuid").asText()).isEqualTo(a[0]);
      assertThat(r.at("/received/payload/n").asInt()).isEqualTo(1);
      assertThat(r.at("/received/topic").asText()).isEqualTo("greeting");
      assertThat(r.at("/received/fromUuid").asText()).isEqualTo(a[0]);
      // AND an update is pushed to the device as a config event
      assertThat(r.at("/update/mood").asText()).isEqualTo("happy");
      assertThat(r.at("/config/mood").asText()).isEqualTo("happy");
      // AND b, subscribed to a's data, gets the server-sent data event when a saves a reading
      assertThat(r.at("/subscribeData/result").asBoolean()).isTrue();
      assertThat(r.at("/data/uuid").asText()).isEqualTo(a[0]);
      assertThat(r.at("/data/temperature").asText()).isEqualTo("21");
      // AND a socket that never identified gets SkyNet's unauthorized error
      assertThat(r.at("/whoamiBad/error/code").asInt()).isEqualTo(401);
    }
  }
}

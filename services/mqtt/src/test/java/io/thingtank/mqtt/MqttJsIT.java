package io.thingtank.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.edge.web.WebModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** mqtt.js (npm, installed by scripts/deps/mqtt.sh): 3.1.1 and 5 over TCP, 5 over WebSocket. */
@Timeout(90)
class MqttJsIT {
  @TempDir static Path dir;
  static TestBroker broker;
  static WebModule web;

  @BeforeAll
  static void start() throws Exception {
    web = new WebModule();
    int webPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      webPort = s.getLocalPort();
    }
    broker = TestBroker.start(dir, "{}", true, c -> c.with(b -> b.webPort = webPort), web);
  }

  @AfterAll static void stop() { broker.close(); }

  @Test
  void mqttJsRoundTripsOverTcpAndWebSocket() throws Exception {
    assertThat(Files.isDirectory(Path.of("src/test/node/node_modules/mqtt")))
        .as("mqtt.js installed (run scripts/install-test-deps.sh)").isTrue();
    Process p = new ProcessBuilder("node", "src/test/node/mqttjs_check.js", String.valueOf(broker.port()),
        "ws://127.0.0.1:" + web.port() + "/mqtt").redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out.lines().filter(l -> l.startsWith("OK ")).count()).as(out).isEqualTo(7);
  }
}

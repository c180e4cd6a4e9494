package io.thingtank.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.edge.web.WebModule;
import io.thingtank.mqtt.PahoV3IT.Inbox;
import io.thingtank.wamp.WampModule;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge with the real WAMP router: an AutobahnPython client on /ws receives an MQTT
 * publication as a WAMP event, and its WAMP publication reaches a Paho MQTT subscriber.
 */
@Timeout(90)
class AutobahnBridgeIT {
  @TempDir Path dir;

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void mqttAndWampClientsSeeEachOthersMessages() throws Exception {
    // listeners with several instances cannot share port 0 (see the MQTT status file)
    int webPort = freePort(), rawSocketPort = freePort();
    WebModule web = new WebModule();
    try (TestBroker b = TestBroker.start(dir, "{}", true, c -> c.with(x -> {
          x.webPort = webPort;
          x.rawSocketPort = rawSocketPort;
        }),
        new WampModule(), web)) {
      Inbox inbox = new Inbox();
      MqttClient mqtt = PahoV3IT.client(b.tcpUri(), "autobahn-peer", inbox, true);
      mqtt.subscribe("to/mqtt", 1);
      Process wamp = new ProcessBuilder("/usr/bin/python3", "src/test/python/autobahn_bridge.py",
          "ws://127.0.0.1:" + web.port() + "/ws").redirectErrorStream(true).start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(wamp.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder log = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) log.append(line).append('\n');
        assertThat(line).as(log.toString()).isEqualTo("READY");
        // WHEN an MQTT client publishes on from/mqtt
        mqtt.publish("from/mqtt", "hi from mqtt".getBytes(), 1, false);
        // THEN the WAMP client gets it as an event on mqtt.from.mqtt
        line = out.readLine();
        assertThat(line).isEqualTo("EVENT [\"hi from mqtt\"]");
        assertThat(out.readLine()).isEqualTo("PUBLISHED");
        // AND its publication on mqtt.to.mqtt reaches the MQTT subscriber of to/mqtt
        assertThat(new String(inbox.next().message().getPayload())).isEqualTo("hello from wamp");
        assertThat(wamp.waitFor(20, TimeUnit.SECONDS)).isTrue();
      } finally {
        wamp.destroyForcibly();
      }
      mqtt.disconnect();
    }
  }
}

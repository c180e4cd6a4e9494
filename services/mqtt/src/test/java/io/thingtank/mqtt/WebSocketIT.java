package io.thingtank.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.edge.web.WebModule;
import io.thingtank.mqtt.PahoV3IT.Inbox;
import java.nio.file.Path;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** MQTT over WebSocket at /mqtt on the web port (Paho Java over ws://), talking to a TCP client. */
@Timeout(60)
class WebSocketIT {
  @TempDir static Path dir;
  static TestBroker broker;
  static WebModule web;

  @BeforeAll
  static void start() {
    web = new WebModule();
    // ListenerDeployer cannot share port 0 between instances (see docs/status/mqtt.md), so the
    // web port is picked here
    int webPort = freePort();
    broker = TestBroker.start(dir, "{}", true, c -> c.with(b -> b.webPort = webPort), web);
  }

  private static int freePort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll static void stop() { broker.close(); }

  @Test
  void webSocketAndTcpClientsExchangeMessages() throws Exception {
    Inbox wsInbox = new Inbox(), tcpInbox = new Inbox();
    MqttClient ws = PahoV3IT.client("ws://127.0.0.1:" + web.port() + "/mqtt", "ws-client", wsInbox, true);
    MqttClient tcp = PahoV3IT.client(broker.tcpUri(), "tcp-client", tcpInbox, true);
    ws.subscribe("ws/in", 2);
    tcp.subscribe("ws/out", 1);
    tcp.publish("ws/in", "to-ws".getBytes(), 2, false);
    assertThat(new String(wsInbox.next().message().getPayload())).isEqualTo("to-ws");
    byte[] big = new byte[200_000]; // spans many WebSocket frames / TCP segments
    for (int i = 0; i < big.length; i++) big[i] = (byte) i;
    ws.publish("ws/out", big, 1, false);
    assertThat(tcpInbox.next().message().getPayload()).isEqualTo(big);
    ws.disconnect();
    tcp.disconnect();
  }
}

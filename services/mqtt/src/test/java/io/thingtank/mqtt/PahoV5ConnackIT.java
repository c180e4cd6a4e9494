package io.thingtank.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * MQTT 5 CONNACK options (Response Information, Server Keep Alive, Server Reference) with the
 * Eclipse Paho Java v5 client, and server-to-client topic aliases with mosquitto_sub (Paho Java
 * 1.2.5 hands an aliased message to the application with an empty topic) and, for the bytes on
 * the wire, a raw socket.
 */
@Timeout(60)
class PahoV5ConnackIT {
  @TempDir static Path dir;
  @TempDir static Path movedDir;
  static TestBroker broker;

  @BeforeAll
  static void start() {
    broker = TestBroker.start(dir, "{\"maxKeepAlive\": 30, \"responseInformation\": \"rr/\"}", true);
  }

  @AfterAll static void stop() { broker.close(); }

  private static IMqttToken connect(MqttClient c, MqttConnectionOptions o) throws MqttException {
    return c.connectWithResult(o);
  }

  @Test
  void responseInformationOnlyWhenRequested() throws Exception {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setRequestResponseInfo(true);
    MqttClient asks = new MqttClient(broker.tcpUri(), "rr-asks", new MemoryPersistence());
    // THEN the client is told its response topic prefix (§3.2.2.3.15)
    assertThat(connect(asks, o).getResponseProperties().getResponseInfo()).isEqualTo("rr/rr-asks");
    asks.disconnect();
    MqttClient quiet = new MqttClient(broker.tcpUri(), "rr-quiet", new MemoryPersistence());
    assertThat(connect(quiet, new MqttConnectionOptions()).getResponseProperties().getResponseInfo()).isNull();
    quiet.disconnect();
  }

  @Test
  void serverKeepAliveCapsTheClientsKeepAlive() throws Exception {
    MqttConnectionOptions longKeepAlive = new MqttConnectionOptions();
    longKeepAlive.setKeepAliveInterval(120);
    MqttClient c = new MqttClient(broker.tcpUri(), "ka-long", new MemoryPersistence());
    assertThat(connect(c, longKeepAlive).getResponseProperties().getServerKeepAlive()).isEqualTo(30);
    c.disconnect();
    MqttConnectionOptions shortKeepAlive = new MqttConnectionOptions();
    shortKeepAlive.setKeepAliveInterval(10);
    MqttClient d = new MqttClient(broker.tcpUri(), "ka-short", new MemoryPersistence());
    assertThat(connect(d, shortKeepAlive).getResponseProperties().getServerKeepAlive()).isNull();
    d.disconnect();
  }

  @Test
  void serverReferenceSendsClientsElsewhere() throws Exception {
    try (TestBroker moved = TestBroker.start(movedDir,
        "{\"serverReference\": \"mqtt.example.net:1883\", \"serverMoved\": true}", true)) {
      MqttClient c = new MqttClient(moved.tcpUri(), "moved", new MemoryPersistence());
      try {
        c.connect(new MqttConnectionOptions());
        throw new AssertionError("connected to a moved server");
      } catch (MqttException e) {
        assertThat(e.getReasonCode()).isEqualTo(0x9D); // Server moved
      }
      // the raw CONNACK carries the Server Reference (§3.2.2.3.16)
      try (RawClient raw = new RawClient(moved.port())) {
        raw.send(RawClient.connect(5, "moved-raw", 60));
        RawClient.Packet ack = raw.read();
        assertThat(ack.type()).isEqualTo(2);
        assertThat(ack.body()[1] & 0xFF).isEqualTo(0x9D);
        assertThat(new String(ack.body(), StandardCharsets.UTF_8)).contains("mqtt.example.net:1883");
      }
    }
  }

  @Test
  void topicAliasesToTheClientUpToItsMaximum() throws Exception {
    // GIVEN mosquitto_sub (libmosquitto resolves aliases) with Topic Alias Maximum 1 on alias/#;
    // a retained message tells when its subscription is in place
    MqttClient pub = new MqttClient(broker.tcpUri(), "alias-pub", new MemoryPersistence());
    pub.connect(new MqttConnectionOptions());
    pub.publish("alias/ready", "alias/ready".getBytes(StandardCharsets.UTF_8), 1, true);
    List<String> sent = List.of("alias/a", "alias/a", "alias/b", "alias/a", "alias/b");
    Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(broker.port()),
        "-V", "mqttv5", "-D", "connect", "topic-alias-maximum", "1", "-t", "alias/#", "-q", "1", "-v",
        "-C", String.valueOf(sent.size() + 1), "-W", "20").start();
    try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(sub.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).isEqualTo("alias/ready alias/ready");
      // WHEN messages go to two topics, the first of them aliased
      for (String t : sent) pub.publish(t, t.getBytes(StandardCharsets.UTF_8), 1, false);
      // THEN every message arrives under its own topic
      List<String> got = new ArrayList<>();
      for (int i = 0; i < sent.size(); i++) got.add(lines.readLine());
      assertThat(got).containsExactly("alias/a alias/a", "alias/a alias/a", "alias/b alias/b", "alias/a alias/a",
          "alias/b alias/b");
    } finally {
      sub.destroy();
      pub.publish("alias/ready", new byte[0], 1, true);
      pub.disconnect();
    }
  }

  @Test
  void aliasIsAssignedOnFirstUseAndThenReplacesTheTopic() throws Exception {
    try (RawClient raw = new RawClient(broker.port())) {
      // CONNECT v5 with Topic Alias Maximum 5 (property 0x22)
      byte[] vh = RawClient.concat(RawClient.str("MQTT"), new byte[] {5, 0x02, 0, 60, 3, 0x22, 0, 5});
      raw.send(RawClient.packet(0x10, RawClient.concat(vh, RawClient.str("alias-raw"))));
      assertThat(raw.read().type()).isEqualTo(2);
      raw.send(RawClient.packet(0x82, RawClient.concat(new byte[] {0, 1, 0}, RawClient.str("raw/alias"), new byte[] {0})));
      assertThat(raw.read().type()).isEqualTo(9);
      MqttClient pub = new MqttClient(broker.tcpUri(), "alias-raw-pub", new MemoryPersistence());
      pub.connect(new MqttConnectionOptions());
      pub.publish("raw/alias", new byte[] {1}, 0, false);
      pub.publish("raw/alias", new byte[] {2}, 0, false);
      pub.disconnect();
      byte[] first = raw.read().body(), second = raw.read().body();
      // first: topic "raw/alias" + properties [0x23 alias=1]; second: empty topic + alias 1
      assertThat(first).startsWith(RawClient.concat(RawClient.str("raw/alias"), new byte[] {3, 0x23, 0, 1}));
      assertThat(second).startsWith(new byte[] {0, 0, 3, 0x23, 0, 1});
    }
  }
}

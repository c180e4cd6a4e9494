package io.thingtank.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.mqtt.PahoV3IT.Inbox;
import io.thingtank.mqtt.PahoV3IT.Received;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Sessions, queued QoS 1/2 messages, in-flight deliveries and retained messages survive a restart and kill -9. */
@Timeout(90)
class RestartIT {
  @TempDir Path dir;

  @Test
  void persistentSessionQueueAndRetainedSurviveABrokerRestart() throws Exception {
    // GIVEN a persistent session with one delivery in flight (not acknowledged) and one queued
    try (TestBroker b = TestBroker.dev(dir)) {
      Inbox inbox = new Inbox();
      MqttClient sub = PahoV3IT.client(b.tcpUri(), "restart-sub", inbox, false);
      sub.setManualAcks(true);
      sub.subscribe("restart/#", 2);
      MqttClient pub = PahoV3IT.client(b.tcpUri(), "restart-pub", new Inbox(), true);
      pub.publish("restart/a", "inflight".getBytes(), 1, false);
      assertThat(new String(inbox.next().message().getPayload())).isEqualTo("inflight");
      sub.disconnectForcibly(0, 0, false);
      sub.close();
      pub.publish("restart/b", "queued".getBytes(), 2, false);
      pub.publish("restart/retained", "kept".getBytes(), 1, true);
      pub.disconnect();
    }
    // WHEN the broker restarts on the same data dir
    try (TestBroker b = TestBroker.dev(dir)) {
      Inbox inbox = new Inbox();
      MqttClient sub = PahoV3IT.client(b.tcpUri(), "restart-sub", inbox, false);
      // THEN the session is present and everything owed is delivered (Paho hands a QoS 2
      // message to the application only at PUBREL, so it may come after the QoS 1 one)
      List<String> got = payloads(inbox, 3);
      assertThat(got.get(0)).isEqualTo("inflight");
      assertThat(got).containsExactlyInAnyOrder("inflight", "queued", "kept");
      sub.disconnect();
      Inbox late = new Inbox();
      MqttClient other = PahoV3IT.client(b.tcpUri(), "restart-late", late, true);
      other.subscribe("restart/retained", 1);
      Received r = late.next();
      assertThat(new String(r.message().getPayload())).isEqualTo("kept");
      assertThat(r.message().isRetained()).isTrue();
      other.disconnect();
    }
  }

  @Test
  void acknowledgedMessagesAndWillsSurviveKill9() throws Exception {
    Process broker = startBrokerProcess();
    try {
      String uri = "tcp://127.0.0.1:" + readPort(broker);
      MqttClient sub = PahoV3IT.client(uri, "kill-sub", new Inbox(), false);
      sub.subscribe("kill/#", 1);
      sub.disconnect();
      sub.close();
      MqttClient pub = PahoV3IT.client(uri, "kill-pub", new Inbox(), true);
      for (int i = 0; i < 50; i++) pub.publish("kill/t", ("k" + i).getBytes(), 1, false); // PUBACK received
      pub.disconnectForcibly(0, 0, false);
      // a client with a will is still connected when the broker dies
      MqttClient dying = new MqttClient(uri, "kill-will", new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
      org.eclipse.paho.client.mqttv3.MqttConnectOptions o = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
      o.setWill("kill/will", "gone".getBytes(), 1, false);
      dying.connect(o);
    } finally {
      broker.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no flush
    }
    try (TestBroker b = TestBroker.dev(dir)) {
      Inbox inbox = new Inbox();
      MqttClient sub = PahoV3IT.client(b.tcpUri(), "kill-sub", inbox, false);
      List<String> got = payloads(inbox, 51);
      assertThat(got).contains("gone"); // the will, published when the broker came back
      List<String> acked = new java.util.ArrayList<>(got);
      acked.remove("gone");
      for (int i = 0; i < 50; i++) assertThat(acked.get(i)).isEqualTo("k" + i);
      sub.disconnect();
    }
  }

  @Test
  void shutdownTellsVersion5ClientsServerShuttingDown() throws Exception {
    PahoV5FeaturesIT.Inbox inbox = new PahoV5FeaturesIT.Inbox();
    TestBroker b = TestBroker.dev(dir);
    var client = new org.eclipse.paho.mqttv5.client.MqttClient(b.tcpUri(), "shutdown-v5",
        new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
    client.setCallback(inbox);
    client.connect(new org.eclipse.paho.mqttv5.client.MqttConnectionOptions());
    b.close();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> inbox.disconnect != null);
    assertThat(inbox.disconnect.getReturnCode()).isEqualTo(0x8B);
    client.close(true);
  }

  @Test
  void receivedQos2IsNotRoutedTwiceAfterARestart() throws Exception {
    // CONNECT 3.1.1, clean session off (persistent), keep alive 60
    byte[] vh = RawClient.concat(RawClient.str("MQTT"), new byte[] {4, 0x00, 0, 60});
    byte[] connect = RawClient.packet(0x10, RawClient.concat(vh, RawClient.str("qos2-raw")));
    byte[] publish = RawClient.packet(0x34, RawClient.concat(RawClient.str("qos2/t"), new byte[] {0, 5}, "once".getBytes()));
    try (TestBroker b = TestBroker.dev(dir); RawClient c = new RawClient(b.port())) {
      c.send(connect);
      c.read();
      c.send(publish);
      assertThat(c.read().type()).isEqualTo(5); // PUBREC: the broker now owns the message
    }
    try (TestBroker b = TestBroker.dev(dir); RawClient c = new RawClient(b.port())) {
      Inbox inbox = new Inbox();
      MqttClient watcher = PahoV3IT.client(b.tcpUri(), "qos2-watch", inbox, true);
      watcher.subscribe("qos2/t", 2);
      c.send(connect);
      assertThat(c.read().body()[0]).isEqualTo((byte) 1); // session present
      // the client did not see PUBREC... as far as it knows: it resends the PUBLISH with DUP
      byte[] dup = publish.clone();
      dup[0] |= 0x08;
      c.send(dup);
      assertThat(c.read().type()).isEqualTo(5);
      c.send(RawClient.packet(0x62, new byte[] {0, 5})); // PUBREL
      assertThat(c.read().type()).isEqualTo(7); // PUBCOMP
      c.send(RawClient.packet(0x34, RawClient.concat(RawClient.str("qos2/t"), new byte[] {0, 6}, "new".getBytes())));
      // THEN only the new message reaches the subscriber
      assertThat(new String(inbox.next().message().getPayload())).isEqualTo("new");
      assertThat(inbox.messages.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();
      watcher.disconnect();
    }
  }

  private Process startBrokerProcess() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), BrokerMain.class.getName(),
        dir.toString()).redirectErrorStream(true).start();
  }

  private static int readPort(Process p) throws Exception {
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()));
    for (String line; (line = r.readLine()) != null; ) {
      if (line.startsWith("PORT ")) {
        Thread drain = new Thread(() -> {
          try {
            while (r.readLine() != null) { /* discard the child's log */ }
          } catch (Exception ignored) {
            // the child was killed
          }
        });
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(line.substring(5).trim());
      }
    }
    throw new IllegalStateException("broker process exited before listening");
  }

  private static List<String> payloads(Inbox inbox, int n) throws InterruptedException {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) out.add(new String(inbox.next().message().getPayload()));
    return out;
  }
}

package io.thingtank.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** MQTT 3.1.1 with the Eclipse Paho Java v3 client: QoS, wildcards, $-topics, wills, persistent sessions. */
@Timeout(60)
class PahoV3IT {
  @TempDir static Path dir;
  static TestBroker broker;

  @BeforeAll static void start() { broker = TestBroker.dev(dir); }

  @AfterAll static void stop() { broker.close(); }

  record Received(String topic, MqttMessage message) {}

  static final class Inbox implements MqttCallback {
    final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();

    @Override public void connectionLost(Throwable cause) {}
    @Override public void messageArrived(String topic, MqttMessage m) { messages.add(new Received(topic, m)); }
    @Override public void deliveryComplete(IMqttDeliveryToken token) {}

    Received next() throws InterruptedException {
      Received r = messages.poll(10, TimeUnit.SECONDS);
      assertThat(r).as("a message within 10 s").isNotNull();
      return r;
    }
  }

  static MqttClient client(String uri, String id, Inbox inbox, boolean clean) throws MqttException {
    MqttClient c = new MqttClient(uri, id, new MemoryPersistence());
    c.setCallback(inbox);
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(clean);
    o.setAutomaticReconnect(false);
    c.connect(o);
    return c;
  }

  @Test
  void qos2IsDeliveredExactlyOnceAndQosIsDowngradedToTheSubscription() throws Exception {
    Inbox two = new Inbox(), one = new Inbox();
    MqttClient s2 = client(broker.tcpUri(), "v3-q2", two, true);
    s2.subscribe("v3/qos", 2);
    MqttClient s1 = client(broker.tcpUri(), "v3-q1", one, true);
    s1.subscribe("v3/qos", 1);
    MqttClient pub = client(broker.tcpUri(), "v3-qpub", new Inbox(), true);
    for (int i = 0; i < 20; i++) pub.publish("v3/qos", ("m" + i).getBytes(), 2, false);
    for (int i = 0; i < 20; i++) {
      Received r = two.next();
      assertThat(new String(r.message().getPayload())).isEqualTo("m" + i);
      assertThat(r.message().getQos()).isEqualTo(2);
      assertThat(one.next().message().getQos()).isEqualTo(1);
    }
    assertThat(two.messages.poll(300, TimeUnit.MILLISECONDS)).isNull();
    s1.disconnect();
    s2.disconnect();
    pub.disconnect();
  }

  @Test
  void wildcardsMatchAndDoNotMatchDollarTopics() throws Exception {
    Inbox inbox = new Inbox();
    MqttClient c = client(broker.tcpUri(), "v3-wild", inbox, true);
    c.subscribe(new String[] {"v3w/+/temp", "v3w/b/#", "#"}, new int[] {1, 1, 0});
    MqttClient pub = client(broker.tcpUri(), "v3-wild-pub", new Inbox(), true);
    pub.publish("$app/x", "dollar".getBytes(), 1, false); // §4.7.2: not matched by '#'
    pub.publish("v3w/a/temp", "plus".getBytes(), 1, false);
    Received r = inbox.next();
    assertThat(r.topic()).isEqualTo("v3w/a/temp");
    assertThat(r.message().getQos()).isEqualTo(1); // overlapping subscriptions: one copy, max QoS
    assertThat(inbox.messages.poll(300, TimeUnit.MILLISECONDS)).isNull();
    pub.publish("v3w/b", "parent".getBytes(), 0, false); // '#' also matches the parent level
    assertThat(inbox.next().topic()).isEqualTo("v3w/b");
    c.disconnect();
    pub.disconnect();
  }

  @Test
  void willIsPublishedWhenTheConnectionDropsWithoutDisconnect() throws Exception {
    Inbox inbox = new Inbox();
    MqttClient watcher = client(broker.tcpUri(), "v3-will-watch", inbox, true);
    watcher.subscribe("v3/will", 1);
    MqttClient dying = new MqttClient(broker.tcpUri(), "v3-will", new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setWill("v3/will", "lost".getBytes(), 1, false);
    dying.connect(o);
    dying.disconnectForcibly(0, 0, false);
    assertThat(new String(inbox.next().message().getPayload())).isEqualTo("lost");
    watcher.disconnect();
  }

  @Test
  void unacknowledgedMessageIsRedeliveredAfterTheClientCrashes() throws Exception {
    // GIVEN a persistent session whose client does not acknowledge (manual acks, then crash)
    Inbox first = new Inbox();
    MqttClient c = client(broker.tcpUri(), "v3-crash", first, false);
    c.setManualAcks(true);
    c.subscribe("v3/crash", 1);
    MqttClient pub = client(broker.tcpUri(), "v3-crash-pub", new Inbox(), true);
    pub.publish("v3/crash", "once".getBytes(), 1, false);
    assertThat(new String(first.next().message().getPayload())).isEqualTo("once");
    c.disconnectForcibly(0, 0, false);
    c.close();
    // while it is away, more arrives
    pub.publish("v3/crash", "later".getBytes(), 1, false);
    // WHEN it reconnects to the same session
    Inbox second = new Inbox();
    MqttClient again = client(broker.tcpUri(), "v3-crash", second, false);
    // THEN the unacknowledged message comes again (DUP) and then the queued one
    Received r = second.next();
    assertThat(new String(r.message().getPayload())).isEqualTo("once");
    assertThat(r.message().isDuplicate()).isTrue();
    assertThat(new String(second.next().message().getPayload())).isEqualTo("later");
    again.disconnect();
    pub.disconnect();
  }

  @Test
  void cleanSessionDiscardsTheOldSession() throws Exception {
    MqttClient c = client(broker.tcpUri(), "v3-clean", new Inbox(), false);
    c.subscribe("v3/clean", 1);
    c.disconnect();
    c.close();
    Inbox inbox = new Inbox();
    MqttClient again = client(broker.tcpUri(), "v3-clean", inbox, true);
    MqttClient pub = client(broker.tcpUri(), "v3-clean-pub", new Inbox(), true);
    pub.publish("v3/clean", "x".getBytes(), 1, false);
    assertThat(inbox.messages.poll(500, TimeUnit.MILLISECONDS)).isNull();
    again.disconnect();
    pub.disconnect();
  }
}

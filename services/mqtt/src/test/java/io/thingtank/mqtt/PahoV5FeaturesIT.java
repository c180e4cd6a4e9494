package io.thingtank.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** MQTT 5 features with the Eclipse Paho Java v5 client. */
@Timeout(60)
class PahoV5FeaturesIT {
  @TempDir static Path dir;
  static TestBroker broker;

  @BeforeAll static void start() { broker = TestBroker.dev(dir); }

  @AfterAll static void stop() { broker.close(); }

  record Received(String topic, MqttMessage message) {}

  static final class Inbox implements MqttCallback {
    final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();
    volatile MqttDisconnectResponse disconnect;

    @Override public void disconnected(MqttDisconnectResponse r) { disconnect = r; }
    @Override public void mqttErrorOccurred(MqttException e) {}
    @Override public void messageArrived(String topic, MqttMessage m) { messages.add(new Received(topic, m)); }
    @Override public void deliveryComplete(IMqttToken token) {}
    @Override public void connectComplete(boolean reconnect, String uri) {}
    @Override public void authPacketArrived(int reason, MqttProperties p) {}

    Received next() throws InterruptedException {
      Received r = messages.poll(10, TimeUnit.SECONDS);
      assertThat(r).as("a message within 10 s").isNotNull();
      return r;
    }
  }

  static MqttClient client(String id, Inbox inbox, MqttConnectionOptions options) throws MqttException {
    MqttClient c = new MqttClient(broker.tcpUri(), id, new MemoryPersistence());
    c.setCallback(inbox);
    c.connect(options);
    return c;
  }

  static MqttClient client(String id, Inbox inbox) throws MqttException {
    return client(id, inbox, new MqttConnectionOptions());
  }

  @Test
  void requestResponsePropertiesAndUserPropertiesAreForwarded() throws Exception {
    Inbox inbox = new Inbox();
    MqttClient sub = client("v5-props-sub", inbox);
    sub.subscribe(new MqttSubscription[] {new MqttSubscription("v5/props", 1)});
    MqttClient pub = client("v5-props-pub", new Inbox());
    MqttMessage m = new MqttMessage("ping".getBytes(StandardCharsets.UTF_8), 1, false, null);
    MqttProperties p = new MqttProperties();
    p.setResponseTopic("v5/reply");
    p.setCorrelationData(new byte[] {1, 2, 3});
    p.setContentType("text/plain");
    p.setUserProperties(List.of(new UserProperty("a", "1"), new UserProperty("a", "2")));
    p.setMessageExpiryInterval(300L);
    m.setProperties(p);
    pub.publish("v5/props", m);
    MqttProperties got = inbox.next().message().getProperties();
    assertThat(got.getResponseTopic()).isEqualTo("v5/reply");
    assertThat(got.getCorrelationData()).containsExactly(1, 2, 3);
    assertThat(got.getContentType()).isEqualTo("text/plain");
    assertThat(got.getUserProperties()).extracting(UserProperty::getKey, UserProperty::getValue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "1"), org.assertj.core.groups.Tuple.tuple("a", "2"));
    assertThat(got.getMessageExpiryInterval()).isBetween(298L, 300L);
    sub.disconnect();
    pub.disconnect();
  }

  @Test
  void subscriptionIdentifiersNoLocalAndRetainAsPublished() throws Exception {
    Inbox inbox = new Inbox();
    org.eclipse.paho.mqttv5.client.MqttAsyncClient c =
        new org.eclipse.paho.mqttv5.client.MqttAsyncClient(broker.tcpUri(), "v5-opts", new MemoryPersistence());
    c.setCallback(inbox);
    c.connect(new MqttConnectionOptions()).waitForCompletion(5000);
    MqttSubscription noLocal = new MqttSubscription("v5/opts/local", 1);
    noLocal.setNoLocal(true);
    MqttProperties ids = new MqttProperties();
    ids.setSubscriptionIdentifier(42);
    c.subscribe(new MqttSubscription[] {noLocal}, null, null, ids).waitForCompletion(5000);
    MqttSubscription rap = new MqttSubscription("v5/opts/rap", 1);
    rap.setRetainAsPublished(true);
    c.subscribe(new MqttSubscription[] {rap}, null, null, new MqttProperties()).waitForCompletion(5000);
    // own publication on a no-local subscription is not delivered back
    c.publish("v5/opts/local", "mine".getBytes(), 1, false).waitForCompletion(5000);
    MqttClient other = client("v5-opts-other", new Inbox());
    other.publish("v5/opts/local", "theirs".getBytes(), 1, false);
    Received r = inbox.next();
    assertThat(new String(r.message().getPayload())).isEqualTo("theirs");
    assertThat(r.message().getProperties().getSubscriptionIdentifiers()).containsExactly(42);
    // retain-as-published keeps the RETAIN flag on live delivery
    other.publish("v5/opts/rap", "r".getBytes(), 1, true);
    assertThat(inbox.next().message().isRetained()).isTrue();
    other.publish("v5/opts/rap", new byte[0], 1, true);
    inbox.next();
    c.disconnect().waitForCompletion(5000);
    other.disconnect();
  }

  @Test
  void retainHandlingTwoSendsNoRetainedMessages() throws Exception {
    MqttClient pub = client("v5-rh-pub", new Inbox());
    pub.publish("v5/rh/t", "stored".getBytes(), 1, true);
    Inbox inbox = new Inbox();
    MqttClient c = client("v5-rh", inbox);
    MqttSubscription never = new MqttSubscription("v5/rh/#", 1);
    never.setRetainHandling(2);
    c.subscribe(new MqttSubscription[] {never});
    MqttSubscription always = new MqttSubscription("v5/rh/+", 1);
    c.subscribe(new MqttSubscription[] {always});
    Received r = inbox.next();
    assertThat(r.topic()).isEqualTo("v5/rh/t");
    assertThat(r.message().isRetained()).isTrue();
    assertThat(inbox.messages.poll(500, TimeUnit.MILLISECONDS)).isNull();
    pub.publish("v5/rh/t", new byte[0], 1, true);
    c.disconnect();
    pub.disconnect();
  }

  @Test
  void sharedSubscriptionDeliversEachMessageToOneMember() throws Exception {
    Inbox a = new Inbox(), b = new Inbox();
    MqttClient ca = client("v5-share-a", a), cb = client("v5-share-b", b);
    ca.subscribe(new MqttSubscription[] {new MqttSubscription("$share/g/v5/share/#", 1)});
    cb.subscribe(new MqttSubscription[] {new MqttSubscription("$share/g/v5/share/#", 1)});
    MqttClient pub = client("v5-share-pub", new Inbox());
    for (int i = 0; i < 10; i++) pub.publish("v5/share/x", ("m" + i).getBytes(), 1, false);
    await().atMost(Duration.ofSeconds(10)).until(() -> a.messages.size() + b.messages.size() == 10);
    assertThat(a.messages).isNotEmpty();
    assertThat(b.messages).isNotEmpty();
    ca.disconnect();
    cb.disconnect();
    pub.disconnect();
  }

  @Test
  void topicAliasesFromTheClientAreResolved() throws Exception {
    Inbox inbox = new Inbox();
    MqttClient sub = client("v5-alias-sub", inbox);
    sub.subscribe(new MqttSubscription[] {new MqttSubscription("v5/alias/long/topic/name", 0)});
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setTopicAliasMaximum(10);
    MqttClient pub = client("v5-alias-pub", new Inbox(), o);
    for (int i = 0; i < 3; i++) pub.publish("v5/alias/long/topic/name", ("a" + i).getBytes(), 0, false);
    for (int i = 0; i < 3; i++) assertThat(new String(inbox.next().message().getPayload())).isEqualTo("a" + i);
    sub.disconnect();
    pub.disconnect();
  }

  @Test
  void sessionExpiryKeepsQueuedMessagesForAReconnectingClient() throws Exception {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(false);
    o.setSessionExpiryInterval(60L);
    MqttClient c = client("v5-persist", new Inbox(), o);
    c.subscribe(new MqttSubscription[] {new MqttSubscription("v5/persist", 2)});
    c.disconnect();
    c.close();
    MqttClient pub = client("v5-persist-pub", new Inbox());
    pub.publish("v5/persist", "q1".getBytes(), 1, false);
    pub.publish("v5/persist", "q2".getBytes(), 2, false);
    Inbox inbox = new Inbox();
    MqttClient again = client("v5-persist", inbox, o);
    assertThat(new String(inbox.next().message().getPayload())).isEqualTo("q1");
    Received second = inbox.next();
    assertThat(new String(second.message().getPayload())).isEqualTo("q2");
    assertThat(second.message().getQos()).isEqualTo(2);
    again.disconnect();
    pub.disconnect();
  }

  @Test
  void delayedWillIsSentAfterTheDelayAndNotOnNormalDisconnect() throws Exception {
    Inbox inbox = new Inbox();
    MqttClient watcher = client("v5-will-watch", inbox);
    watcher.subscribe(new MqttSubscription[] {new MqttSubscription("v5/will/#", 1)});
    MqttConnectionOptions o = new MqttConnectionOptions();
    MqttProperties wp = new MqttProperties();
    wp.setWillDelayInterval(1L);
    o.setWill("v5/will/gone", new MqttMessage("bye".getBytes(), 1, false, null));
    o.setWillMessageProperties(wp);
    o.setSessionExpiryInterval(30L);
    MqttClient dying = client("v5-will", new Inbox(), o);
    // a normal DISCONNECT discards the will
    dying.disconnect();
    assertThat(inbox.messages.poll(1500, TimeUnit.MILLISECONDS)).isNull();
    // an abrupt close sends it, after the delay
    MqttClient dying2 = client("v5-will", new Inbox(), o);
    long t0 = System.nanoTime();
    dying2.disconnectForcibly(0, 0, false);
    Received r = inbox.next();
    assertThat(r.topic()).isEqualTo("v5/will/gone");
    assertThat(System.nanoTime() - t0).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(500));
    watcher.disconnect();
  }

  @Test
  void expiredMessagesAreNotDeliveredAndExpiredSessionsAreGone() throws Exception {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(false);
    o.setSessionExpiryInterval(60L);
    MqttClient c = client("v5-expiry", new Inbox(), o);
    c.subscribe(new MqttSubscription[] {new MqttSubscription("v5/expiry", 1)});
    c.disconnect();
    c.close();
    MqttClient pub = client("v5-expiry-pub", new Inbox());
    MqttMessage shortLived = new MqttMessage("short".getBytes(), 1, false, null);
    MqttProperties p = new MqttProperties();
    p.setMessageExpiryInterval(1L);
    shortLived.setProperties(p);
    pub.publish("v5/expiry", shortLived);
    pub.publish("v5/expiry", "lasting".getBytes(), 1, false);
    Thread.sleep(2100);
    Inbox inbox = new Inbox();
    MqttClient again = client("v5-expiry", inbox, o);
    assertThat(new String(inbox.next().message().getPayload())).isEqualTo("lasting");
    assertThat(inbox.messages.poll(300, TimeUnit.MILLISECONDS)).isNull();
    again.disconnect();
    again.close();
    // a session with expiry 1 s is gone 2 s after the disconnect
    MqttConnectionOptions brief = new MqttConnectionOptions();
    brief.setCleanStart(false);
    brief.setSessionExpiryInterval(1L);
    MqttClient b = client("v5-brief", new Inbox(), brief);
    b.disconnect();
    b.close();
    Thread.sleep(2100);
    MqttClient b2 = new MqttClient(broker.tcpUri(), "v5-brief", new MemoryPersistence());
    IMqttToken token = b2.connectWithResult(brief);
    assertThat(token.getSessionPresent()).isFalse();
    b2.disconnect();
    pub.disconnect();
  }

  @Test
  void messagesAboveTheClientsMaximumPacketSizeAreNotSent() throws Exception {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setMaximumPacketSize(200L);
    Inbox inbox = new Inbox();
    MqttClient c = client("v5-maxpacket", inbox, o);
    c.subscribe(new MqttSubscription[] {new MqttSubscription("v5/max", 1)});
    MqttClient pub = client("v5-maxpacket-pub", new Inbox());
    pub.publish("v5/max", new byte[500], 1, false);
    pub.publish("v5/max", "small".getBytes(), 1, false);
    assertThat(new String(inbox.next().message().getPayload())).isEqualTo("small");
    c.disconnect();
    pub.disconnect();
  }

  @Test
  void receiveMaximumLimitsUnacknowledgedDeliveries() throws Exception {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setReceiveMaximum(1);
    Inbox inbox = new Inbox();
    MqttClient c = client("v5-recvmax", inbox, o);
    c.subscribe(new MqttSubscription[] {new MqttSubscription("v5/recvmax", 1)});
    MqttClient pub = client("v5-recvmax-pub", new Inbox());
    for (int i = 0; i < 20; i++) pub.publish("v5/recvmax", ("r" + i).getBytes(), 1, false);
    for (int i = 0; i < 20; i++) assertThat(new String(inbox.next().message().getPayload())).isEqualTo("r" + i);
    c.disconnect();
    pub.disconnect();
  }

  @Test
  void retainHandlingOneSendsRetainedOnlyForANewSubscription() throws Exception {
    MqttClient pub = client("v5-rh1-pub", new Inbox());
    pub.publish("v5/rh1/t", "stored".getBytes(), 1, true);
    Inbox inbox = new Inbox();
    MqttClient c = client("v5-rh1", inbox);
    MqttSubscription onlyNew = new MqttSubscription("v5/rh1/t", 1);
    onlyNew.setRetainHandling(1);
    c.subscribe(new MqttSubscription[] {onlyNew});
    assertThat(new String(inbox.next().message().getPayload())).isEqualTo("stored");
    c.subscribe(new MqttSubscription[] {onlyNew}); // same filter again: not new, nothing sent
    assertThat(inbox.messages.poll(500, TimeUnit.MILLISECONDS)).isNull();
    pub.publish("v5/rh1/t", new byte[0], 1, true);
    c.disconnect();
    pub.disconnect();
  }
}

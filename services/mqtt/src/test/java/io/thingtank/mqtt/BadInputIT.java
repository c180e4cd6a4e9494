package io.thingtank.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.mqtt.PahoV3IT.Inbox;
import io.thingtank.mqtt.RawClient.Packet;
import java.nio.file.Path;
import java.util.Random;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed, truncated, oversized and random input and protocol violations from a raw socket:
 * the offender gets the MQTT 5 reason code (CONNACK or DISCONNECT) and is closed; the broker
 * keeps serving everyone else.
 */
@Timeout(120)
class BadInputIT {
  private static final int DISCONNECT = 14, CONNACK = 2, PUBACK = 4, PUBREC = 5;
  @TempDir static Path dir;
  static TestBroker broker;

  @BeforeAll
  static void start() {
    broker = TestBroker.start(dir, "{\"maxPacketSize\": 4096, \"receiveMaximum\": 2, \"topicAliasMaximum\": 4}", true);
  }

  @AfterAll static void stop() { broker.close(); }

  /** Connects a v5 raw client and reads its CONNACK. */
  private RawClient connected(String id) throws Exception {
    RawClient c = new RawClient(broker.port());
    c.send(RawClient.connect(5, id, 60));
    Packet ack = c.read();
    assertThat(ack.type()).isEqualTo(CONNACK);
    assertThat(ack.body()[1]).isZero();
    return c;
  }

  /** Asserts the broker answered DISCONNECT with {@code reason} and closed. */
  private static void assertDisconnected(RawClient c, int reason) throws Exception {
    Packet p = c.read();
    assertThat(p).as("DISCONNECT expected").isNotNull();
    assertThat(p.type()).isEqualTo(DISCONNECT);
    assertThat(p.body()[0] & 0xFF).isEqualTo(reason);
    assertThat(c.closedByBroker()).isTrue();
  }

  @Test
  void malformedPacketGetsDisconnect0x81() throws Exception {
    try (RawClient c = connected("bad-malformed")) {
      // PUBLISH with QoS 3 (both QoS bits set) is malformed (§3.3.1.2)
      c.send(RawClient.packet(0x36, RawClient.concat(RawClient.str("t"), new byte[] {0, 1, 0})));
      assertDisconnected(c, 0x81);
    }
  }

  @Test
  void oversizedPacketGetsDisconnect0x95() throws Exception {
    try (RawClient c = connected("bad-oversized")) {
      c.send(RawClient.publish5("big", 0, 0, new byte[0], new byte[10_000]));
      assertDisconnected(c, 0x95);
    }
  }

  @Test
  void secondConnectIsAProtocolError0x82() throws Exception {
    try (RawClient c = connected("bad-second-connect")) {
      c.send(RawClient.connect(5, "bad-second-connect", 60));
      assertDisconnected(c, 0x82);
    }
  }

  @Test
  void topicAliasZeroOrAboveMaximumIs0x94() throws Exception {
    try (RawClient c = connected("bad-alias")) {
      c.send(RawClient.publish5("a", 0, 0, new byte[] {0x23, 0, 9}, new byte[] {1}));
      assertDisconnected(c, 0x94);
    }
  }

  @Test
  void unknownTopicAliasIsAProtocolError0x82() throws Exception {
    try (RawClient c = connected("bad-alias-unknown")) {
      c.send(RawClient.publish5("", 0, 0, new byte[] {0x23, 0, 2}, new byte[] {1}));
      assertDisconnected(c, 0x82);
    }
  }

  @Test
  void exceedingReceiveMaximumIs0x93() throws Exception {
    try (RawClient c = connected("bad-receive-max")) {
      // QoS 2 publications stay in flight until PUBREL; the broker allows 2
      for (int id = 1; id <= 3; id++) c.send(RawClient.publish5("rm", 2, id, new byte[0], new byte[] {1}));
      assertThat(c.read().type()).isEqualTo(PUBREC);
      assertThat(c.read().type()).isEqualTo(PUBREC);
      assertDisconnected(c, 0x93);
    }
  }

  @Test
  void noLocalOnASharedSubscriptionIsAProtocolError0x82() throws Exception {
    try (RawClient c = connected("bad-shared-nolocal")) {
      byte[] body = RawClient.concat(new byte[] {0, 1, 0}, RawClient.str("$share/g/x"), new byte[] {0x05});
      c.send(RawClient.packet(0x82, body));
      assertDisconnected(c, 0x82);
    }
  }

  @Test
  void keepAliveTimeoutIs0x8D() throws Exception {
    try (RawClient c = new RawClient(broker.port())) {
      c.send(RawClient.connect(5, "bad-keepalive", 1));
      assertThat(c.read().type()).isEqualTo(CONNACK);
      assertDisconnected(c, 0x8D); // nothing sent for 1.5 s
    }
  }

  @Test
  void sessionTakeOverIs0x8E() throws Exception {
    try (RawClient first = connected("bad-takeover"); RawClient second = connected("bad-takeover")) {
      assertDisconnected(first, 0x8E);
      second.send(RawClient.publish5("still/alive", 1, 7, new byte[0], new byte[] {1}));
      assertThat(second.read().type()).isEqualTo(PUBACK);
    }
  }

  @Test
  void unsupportedProtocolVersionGetsConnackAndClose() throws Exception {
    try (RawClient c = new RawClient(broker.port())) {
      c.send(RawClient.connect(9, "bad-version", 60));
      Packet p = c.read();
      assertThat(p.type()).isEqualTo(CONNACK);
      assertThat(p.body()[1] & 0xFF).isIn(0x01, 0x84);
      assertThat(c.closedByBroker()).isTrue();
    }
  }

  @Test
  void firstPacketOtherThanConnectIsDropped() throws Exception {
    try (RawClient c = new RawClient(broker.port())) {
      c.send(RawClient.packet(0xC0, new byte[0])); // PINGREQ
      assertThat(c.closedByBroker()).isTrue();
    }
  }

  @Test
  void seededRandomAndTruncatedInputLeavesTheBrokerServing() throws Exception {
    Random random = new Random(20261124L);
    for (int i = 0; i < 150; i++) {
      try (RawClient c = new RawClient(broker.port())) {
        byte[] noise = new byte[1 + random.nextInt(300)];
        random.nextBytes(noise);
        byte[] valid = RawClient.connect(random.nextBoolean() ? 5 : 4, "fuzz-" + i, 30);
        byte[] input = switch (i % 3) {
          case 0 -> noise;                                                    // garbage from the first byte
          case 1 -> RawClient.concat(valid, noise);                           // garbage after CONNECT
          default -> java.util.Arrays.copyOf(valid, random.nextInt(valid.length)); // truncated CONNECT
        };
        c.send(input);
      }
    }
    // THEN a well-behaved client is still served
    Inbox inbox = new Inbox();
    MqttClient sub = PahoV3IT.client(broker.tcpUri(), "after-fuzz", inbox, true);
    sub.subscribe("after/fuzz", 1);
    sub.publish("after/fuzz", "ok".getBytes(), 1, false);
    assertThat(new String(inbox.next().message().getPayload())).isEqualTo("ok");
    sub.disconnect();
  }
}

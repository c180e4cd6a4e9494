package io.thingtank.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.mqtt.RawClient.Packet;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client's Receive Maximum bounds unacknowledged QoS 1 deliveries (MQTT 5 §4.9), byte-level. */
@Timeout(60)
class FlowControlIT {
  private static final int PUBLISH = 3, SUBACK = 9;
  @TempDir static Path dir;
  static TestBroker broker;

  @BeforeAll static void start() { broker = TestBroker.dev(dir); }

  @AfterAll static void stop() { broker.close(); }

  @Test
  void onlyReceiveMaximumDeliveriesAreInFlight() throws Exception {
    try (RawClient c = new RawClient(broker.port())) {
      // CONNECT v5 with Receive Maximum (0x21) = 2
      byte[] vh = RawClient.concat(RawClient.str("MQTT"), new byte[] {5, 0x02, 0, 60, 3, 0x21, 0, 2});
      c.send(RawClient.packet(0x10, RawClient.concat(vh, RawClient.str("flow-raw"))));
      c.read();
      c.send(RawClient.packet(0x82, RawClient.concat(new byte[] {0, 1, 0}, RawClient.str("flow/t"), new byte[] {1})));
      assertThat(c.read().type()).isEqualTo(SUBACK);
      MqttClient pub = PahoV3IT.client(broker.tcpUri(), "flow-pub", new PahoV3IT.Inbox(), true);
      for (int i = 0; i < 5; i++) pub.publish("flow/t", ("f" + i).getBytes(), 1, false);
      Packet first = c.read(), second = c.read();
      assertThat(first.type()).isEqualTo(PUBLISH);
      assertThat(second.type()).isEqualTo(PUBLISH);
      c.socket.setSoTimeout(700);
      boolean third;
      try {
        third = c.read() != null;
      } catch (SocketTimeoutException e) {
        third = false;
      }
      assertThat(third).as("a third PUBLISH before any PUBACK").isFalse();
      // PUBACK the first: exactly one more arrives
      int id = ((first.body()[8] & 0xFF) << 8) | (first.body()[9] & 0xFF); // topic "flow/t" = 2+6 bytes
      c.send(RawClient.packet(0x40, new byte[] {(byte) (id >> 8), (byte) id}));
      c.socket.setSoTimeout(5000);
      Packet next = c.read();
      assertThat(next.type()).isEqualTo(PUBLISH);
      pub.disconnect();
    }
  }
}

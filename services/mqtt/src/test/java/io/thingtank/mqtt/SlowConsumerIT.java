package io.thingtank.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.mqtt.PahoV3IT.Inbox;
import java.nio.file.Path;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscriber that stops reading does not hold up the publisher or other subscribers, and
 * QoS 0 traffic for it is dropped once its send buffer is full instead of being buffered.
 */
@Timeout(90)
class SlowConsumerIT {
  @TempDir static Path dir;
  static TestBroker broker;

  @BeforeAll static void start() { broker = TestBroker.dev(dir); }

  @AfterAll static void stop() { broker.close(); }

  @Test
  void stalledSubscriberDoesNotBlockOthers() throws Exception {
    try (RawClient stalled = new RawClient(broker.port())) {
      // GIVEN a subscriber that stops reading after SUBACK
      stalled.send(RawClient.connect(4, "stalled", 0));
      stalled.read();
      stalled.send(RawClient.packet(0x82, RawClient.concat(new byte[] {0, 1}, RawClient.str("slow/#"), new byte[] {0})));
      stalled.read();
      Inbox inbox = new Inbox();
      MqttClient healthy = PahoV3IT.client(broker.tcpUri(), "healthy", inbox, true);
      healthy.subscribe("slow/#", 1);
      MqttClient pub = PahoV3IT.client(broker.tcpUri(), "fast-pub", new Inbox(), true);
      // WHEN 40 MB are published (more than the 8 MiB send buffer plus what the kernel holds) at QoS 0 and then one marker at QoS 1
      byte[] chunk = new byte[20_000];
      for (int i = 0; i < 2000; i++) pub.publish("slow/data", chunk, 0, false);
      pub.publish("slow/marker", "end".getBytes(), 1, false);
      // THEN the healthy subscriber gets the marker (QoS 0 may drop for it too, never the QoS 1 one)
      boolean marker = false;
      for (int i = 0; i < 2001 && !marker; i++) marker = inbox.next().topic().equals("slow/marker");
      assertThat(marker).isTrue();
      // AND what the stalled subscriber finally reads is a small part: the rest was dropped, not buffered
      stalled.socket.setSoTimeout(1500);
      int delivered = 0;
      boolean drained = false;
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
      try {
        while (System.nanoTime() < deadline && stalled.read() != null) delivered++;
      } catch (java.net.SocketTimeoutException e) {
        drained = true; // nothing more was buffered for it
      }
      assertThat(drained).as("the stalled client read everything buffered for it").isTrue();
      assertThat(delivered).as("PUBLISH packets that reached the stalled client").isGreaterThan(0).isLessThan(2000);
      healthy.disconnect();
      pub.disconnect();
    }
  }
}

package io.thingtank.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code $SYS/broker/...} as Mosquitto publishes it, read with mosquitto_sub (MQTT 5 and 3.1.1). */
@Timeout(60)
class SysTopicsIT {
  @TempDir static Path dir;
  static TestBroker broker;

  @BeforeAll static void start() { broker = TestBroker.start(dir, "{\"sysInterval\": 1}", true); }

  @AfterAll static void stop() { broker.close(); }

  @Test
  void sysTopicsAreRetainedAndRefreshed() throws Exception {
    // GIVEN a subscriber to a plain topic, and one message published
    MqttClient c = new MqttClient(broker.tcpUri(), "sys-client", new MemoryPersistence());
    c.connect(new MqttConnectionOptions());
    c.subscribe("sys/test", 0);
    for (int i = 0; i < 5; i++) c.publish("sys/test", new byte[] {(byte) i}, 0, false);
    // WHEN mosquitto_sub reads the retained $SYS tree
    Map<String, String> sys = read("mqttv5", "$SYS/broker/#", 13);
    // THEN the Mosquitto topics are there
    assertThat(sys.get("$SYS/broker/version")).startsWith("thingtank version ");
    assertThat(sys.get("$SYS/broker/uptime")).matches("\\d+ seconds");
    assertThat(sys).containsKeys("$SYS/broker/clients/connected", "$SYS/broker/clients/disconnected",
        "$SYS/broker/clients/total", "$SYS/broker/messages/received", "$SYS/broker/messages/sent",
        "$SYS/broker/subscriptions/count", "$SYS/broker/retained messages/count");
    // AND they follow the broker: counts refresh within the interval (bounded wait)
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Map<String, String> now;
    do {
      now = read("mqttv311", "$SYS/broker/#", 13);
    } while (Long.parseLong(now.get("$SYS/broker/publish/messages/received")) < 5 && System.nanoTime() < deadline);
    assertThat(Long.parseLong(now.get("$SYS/broker/publish/messages/received"))).isGreaterThanOrEqualTo(5);
    assertThat(Long.parseLong(now.get("$SYS/broker/publish/messages/sent"))).isGreaterThanOrEqualTo(5);
    assertThat(Integer.parseInt(now.get("$SYS/broker/clients/connected"))).isGreaterThanOrEqualTo(1);
    assertThat(Integer.parseInt(now.get("$SYS/broker/subscriptions/count"))).isGreaterThanOrEqualTo(1);
    c.disconnect();
  }

  @Test
  void clientsCannotPublishToSysAndHashDoesNotMatchIt() throws Exception {
    // a client's publish to $SYS is refused; the broker's own value stays
    Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(broker.port()),
        "-V", "mqttv5", "-q", "1", "-r", "-t", "$SYS/broker/version", "-m", "fake").start();
    pub.waitFor(10, TimeUnit.SECONDS);
    assertThat(read("mqttv5", "$SYS/broker/version", 1).get("$SYS/broker/version")).startsWith("thingtank version ");
    // # sees no $SYS topic (MQTT 5 §4.7.2): -W ends mosquitto_sub with nothing read
    Process all = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(broker.port()),
        "-t", "#", "-v", "-W", "3").start();
    String out = new String(all.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    all.waitFor(10, TimeUnit.SECONDS);
    assertThat(out).doesNotContain("$SYS");
  }

  /** The first {@code count} messages mosquitto_sub prints for {@code filter}, by topic. */
  private static Map<String, String> read(String version, String filter, int count) throws Exception {
    Process sub = new ProcessBuilder(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(broker.port()),
        "-V", version, "-t", filter, "-F", "%t\\t%p", "-C", String.valueOf(count), "-W", "10")).start();
    String out = new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(sub.waitFor(15, TimeUnit.SECONDS)).isTrue();
    Map<String, String> byTopic = new HashMap<>();
    for (String line : out.strip().split("\n")) {
      int at = line.indexOf('\t'); // topics and values have spaces ("retained messages/count", "12 seconds")
      byTopic.put(line.substring(0, at), line.substring(at + 1));
    }
    return byTopic;
  }
}

package io.thingtank.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** mosquitto_pub / mosquitto_sub (Debian mosquitto-clients) against the broker, MQTT 3.1.1 and 5. */
@Timeout(60)
class MosquittoClientsIT {
  @TempDir static Path dir;
  static TestBroker broker;

  @BeforeAll static void start() { broker = TestBroker.dev(dir); }

  @AfterAll static void stop() { broker.close(); }

  @Test
  void publishAndSubscribeAtEveryQosWithBothVersions() throws Exception {
    for (String version : List.of("mqttv311", "mqttv5")) {
      for (int qos = 0; qos <= 2; qos++) {
        String topic = "mosq/" + version + "/q" + qos;
        // GIVEN a subscriber waiting for one message
        Process sub = run("mosquitto_sub", "-V", version, "-q", String.valueOf(qos), "-t", topic, "-C", "1", "-W", "10");
        Thread.sleep(500);
        // WHEN a publisher sends it
        Process pub = run("mosquitto_pub", "-V", version, "-q", String.valueOf(qos), "-t", topic, "-m", "hello " + qos);
        assertThat(pub.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pub.exitValue()).as(stderr(pub)).isZero();
        // THEN the subscriber prints it and exits
        assertThat(sub.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stdout(sub).trim()).isEqualTo("hello " + qos);
      }
    }
  }

  @Test
  void retainedMessageIsDeliveredToLaterSubscriberAndCanBeCleared() throws Exception {
    Process pub = run("mosquitto_pub", "-V", "mqttv5", "-q", "1", "-r", "-t", "mosq/retained", "-m", "kept");
    assertThat(pub.waitFor(10, TimeUnit.SECONDS)).isTrue();
    Process sub = run("mosquitto_sub", "-V", "mqttv311", "-t", "mosq/#", "-C", "1", "-W", "10", "-v");
    assertThat(sub.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(stdout(sub).trim()).isEqualTo("mosq/retained kept");
    // an empty retained payload clears it: a later subscriber gets nothing within its timeout
    run("mosquitto_pub", "-q", "1", "-r", "-t", "mosq/retained", "-n").waitFor(10, TimeUnit.SECONDS);
    Process sub2 = run("mosquitto_sub", "-t", "mosq/retained", "-C", "1", "-W", "2");
    sub2.waitFor(10, TimeUnit.SECONDS);
    assertThat(stdout(sub2)).isEmpty();
  }

  @Test
  void version5ContentTypeReachesTheSubscriber() throws Exception {
    Process sub = run("mosquitto_sub", "-V", "mqttv5", "-t", "mosq/props", "-C", "1", "-W", "10", "-F", "%t %C %p");
    Thread.sleep(500);
    run("mosquitto_pub", "-V", "mqttv5", "-t", "mosq/props", "-m", "x", "-D", "publish", "content-type", "text/plain")
        .waitFor(10, TimeUnit.SECONDS);
    assertThat(sub.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(stdout(sub).trim()).isEqualTo("mosq/props text/plain x");
  }

  @Test
  void userPropertiesReachAVersion5Subscriber() throws Exception {
    Process sub = run("mosquitto_sub", "-V", "mqttv5", "-t", "mosq/user", "-C", "1", "-W", "10", "-F", "%t %p %P");
    Thread.sleep(500);
    run("mosquitto_pub", "-V", "mqttv5", "-t", "mosq/user", "-m", "x", "-D", "publish", "user-property", "k", "v")
        .waitFor(10, TimeUnit.SECONDS);
    assertThat(sub.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(stdout(sub).trim()).isEqualTo("mosq/user x k:v");
  }

  private Process run(String... cmd) throws IOException {
    List<String> full = new ArrayList<>(List.of(cmd));
    full.addAll(List.of("-h", "127.0.0.1", "-p", String.valueOf(broker.port())));
    return new ProcessBuilder(full).start();
  }

  static String stdout(Process p) throws IOException {
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  static String stderr(Process p) throws IOException {
    return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}

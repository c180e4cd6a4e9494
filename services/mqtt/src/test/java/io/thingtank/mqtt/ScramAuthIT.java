package io.thingtank.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingtank.mqtt.auth.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * MQTT 5 enhanced authentication (§4.12) with SCRAM-SHA-256 against a config user, driven by
 * mqtt.js's {@code handleAuth} hook ({@code src/test/node/mqttjs_scram.js}, which computes the
 * client's SCRAM steps, RFC 5802 §3), the AUTH bytes on the wire, and Paho Java v5 for an
 * unknown method.
 */
@Timeout(60)
class ScramAuthIT {
  private static final String METHOD = "SCRAM-SHA-256";
  @TempDir static Path dir;
  static TestBroker broker;

  @BeforeAll
  static void start() {
    broker = TestBroker.start(dir, "{\"users\": [{\"username\": \"alice\", \"passwordHash\": \""
        + PasswordHash.hash("wonderland") + "\", \"publish\": [\"a/#\"], \"subscribe\": [\"a/#\"]}]}", false);
  }

  @AfterAll static void stop() { broker.close(); }

  /** Paho Java v5 cannot send AUTH before CONNACK (ClientComms.sendNoWait), so it only offers a method here. */
  static final class ScramClient implements MqttCallback {
    final String clientFirstBare = "n=alice,r=fyko+d2lbbFgONRv9qkxdawL";
    MqttAsyncClient client;

    byte[] clientFirst() { return ("n,," + clientFirstBare).getBytes(StandardCharsets.UTF_8); }

    @Override public void authPacketArrived(int reasonCode, MqttProperties p) {}
    @Override public void disconnected(MqttDisconnectResponse r) {}
    @Override public void mqttErrorOccurred(MqttException e) {}
    @Override public void messageArrived(String topic, MqttMessage m) {}
    @Override public void deliveryComplete(IMqttToken token) {}
    @Override public void connectComplete(boolean reconnect, String uri) {}
  }

  private IMqttToken connect(ScramClient scram, String method, String id) throws MqttException {
    scram.client = new MqttAsyncClient(broker.tcpUri(), id, new MemoryPersistence());
    scram.client.setCallback(scram);
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setAuthMethod(method);
    o.setAuthData(scram.clientFirst());
    IMqttToken t = scram.client.connect(o);
    t.waitForCompletion(15_000);
    return t;
  }

  @Test
  void scramSha256LogsInAConfigUserAndProvesTheServer() throws Exception {
    JsonNode out = mqttJs("alice", "wonderland");
    // THEN one AUTH Continue (0x18) came, and CONNACK carries the method and the server's signature
    assertThat(out.get("connected").asBoolean()).as(out.toString()).isTrue();
    assertThat(out.get("authReasons").toString()).isEqualTo("[24]");
    assertThat(out.get("method").asText()).isEqualTo(METHOD);
    assertThat(out.get("serverFinal").asText()).isEqualTo(out.get("expectedServerFinal").asText()).startsWith("v=");
    // AND the session has alice's ACL: b/denied is refused with PUBACK 0x87
    assertThat(out.get("deniedPuback").asInt()).isEqualTo(0x87);
  }

  @Test
  void wrongPasswordIsBadCredentials() throws Exception {
    JsonNode out = mqttJs("alice", "looking-glass");
    assertThat(out.get("connected").asBoolean()).isFalse();
    assertThat(out.get("code").asInt()).isEqualTo(0x86);
    assertThat(mqttJs("nobody", "x").get("code").asInt()).isEqualTo(0x86);
  }

  private static JsonNode mqttJs(String user, String password) throws Exception {
    Process p = new ProcessBuilder("node", "src/test/node/mqttjs_scram.js", String.valueOf(broker.port()), user, password)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    return new ObjectMapper().readTree(out.strip());
  }

  @Test
  void theServerAnswersClientFirstWithAuthContinue() throws Exception {
    try (RawClient raw = new RawClient(broker.port())) {
      byte[] data = new ScramClient().clientFirst();
      byte[] props = RawClient.concat(new byte[] {0x15}, RawClient.str(METHOD),
          new byte[] {0x16, (byte) (data.length >> 8), (byte) data.length}, data);
      byte[] vh = RawClient.concat(RawClient.str("MQTT"), new byte[] {5, 0x02, 0, 60, (byte) props.length}, props);
      raw.send(RawClient.packet(0x10, RawClient.concat(vh, RawClient.str("scram-raw"))));
      RawClient.Packet auth = raw.read();
      assertThat(auth.type()).isEqualTo(15); // AUTH
      assertThat(auth.body()[0]).isEqualTo((byte) 0x18); // Continue authentication
      assertThat(new String(auth.body(), StandardCharsets.UTF_8)).contains(METHOD).contains("r=fyko+d2lbbFgONRv9qkxdawL");
    }
  }

  @Test
  void otherMethodsAreBadAuthenticationMethod() throws Exception {
    ScramClient scram = new ScramClient();
    try {
      connect(scram, "GS2-KRB5", "scram-method");
      throw new AssertionError("connected with an unknown method");
    } catch (MqttException e) {
      assertThat(e.getReasonCode()).isEqualTo(0x8C);
    }
  }
}

package io.thingtank.mqtt.skynet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.core.Config;
import io.thingtank.core.Node;
import io.thingtank.devices.DevicesModule;
import io.thingtank.mqtt.MqttModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/**
 * SkyNet's MQTT API with real clients: devices registered over the hub's REST API, then
 * connected with uuid/token by paho-mqtt (Debian, /usr/bin/python3) and mosquitto_pub/sub.
 * Dev mode is on, so an anonymous client has full broker access: it still sees no device traffic.
 */
@Timeout(90)
class SkynetMqttIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUPER_PASS = "skynet-super-secret";
  @TempDir static Path dir;
  static Node node;
  static DevicesModule devices;
  static MqttModule mqtt;

  @BeforeAll
  static void start() {
    devices = new DevicesModule();
    mqtt = new MqttModule();
    ObjectNode sections = JSON.createObjectNode();
    sections.putObject("mqtt").put("skynetPass", SUPER_PASS);
    node = Node.start(Config.forTest(dir).withDev(true).withSections(sections), List.of(devices, mqtt));
  }

  @AfterAll
  static void stop() { node.close(); }

  @Test
  void deviceRequestsCallTheHubAndAnswersReachOnlyTheDevice() throws Exception {
    // GIVEN two devices registered over REST
    JsonNode a = register("{\"name\":\"mqtt-a\"}"), b = register("{\"name\":\"mqtt-b\"}");
    // WHEN paho connects each with uuid/token and A sends, asks whoami, updates, logs data
    JsonNode out = python("requests", uuid(a), token(a), uuid(b), token(b));
    // THEN B gets A's message wrapped as {topic, data}
    assertThat(out.at("/subOwnA").asInt()).isEqualTo(1);
    assertThat(out.at("/bGot/0").asText()).isEqualTo(uuid(b));
    assertThat(out.at("/bGot/1/topic").asText()).isEqualTo("message");
    assertThat(out.at("/bGot/1/data/fromUuid").asText()).isEqualTo(uuid(a));
    assertThat(out.at("/bGot/1/data/payload/hello").asText()).isEqualTo("b");
    // whoami without ack answers on topic whoami, with ack as SkyNet's messageAck
    assertThat(out.at("/whoami/1/topic").asText()).isEqualTo("whoami");
    assertThat(out.at("/whoami/1/data/uuid").asText()).isEqualTo(uuid(a));
    assertThat(out.at("/whoami/1/data/name").asText()).isEqualTo("mqtt-a");
    assertThat(out.at("/whoami/1/data/token").isMissingNode()).isTrue();
    assertThat(out.at("/whoamiAck/1/topic").asText()).isEqualTo("messageAck");
    assertThat(out.at("/whoamiAck/1/data/ack").asInt()).isEqualTo(7);
    assertThat(out.at("/whoamiAck/1/data/payload/uuid").asText()).isEqualTo(uuid(a));
    // update: the ack with the changes, and the config event with the whole device
    List<String> topics = new ArrayList<>();
    for (JsonNode m : out.get("updateAnswers")) {
      topics.add(m.at("/1/topic").asText());
      JsonNode data = m.at("/1/data");
      assertThat(data.has("payload") ? data.at("/payload/color").asText() : data.at("/color").asText()).isEqualTo("red");
    }
    assertThat(topics).containsExactlyInAnyOrder("messageAck", "config");
    assertThat(get("/devices/" + uuid(a), a).at("/devices/0/color").asText()).isEqualTo("red");
    // data is stored by the hub (readable over REST), without the token
    JsonNode data = get("/data/" + uuid(a), a).at("/data/0");
    assertThat(data.get("temperature").asText()).isEqualTo("21");
    assertThat(data.has("token")).isFalse();
    // a payload that is not JSON is answered on topic error
    assertThat(out.at("/badJson/1/topic").asText()).isEqualTo("error");
    assertThat(out.at("/afterPlain/1/topic").asText()).isEqualTo("whoami");
    // an anonymous client subscribed to # saw none of it, not even the device's plain-topic publish
    assertThat(out.at("/anonSub").asInt()).isEqualTo(1);
    assertThat(out.get("anonGot")).isEmpty();
  }

  @Test
  void subscriptionsAreLimitedToTheOwnUuidAndAllowedBroadcasts() throws Exception {
    // GIVEN A, B, and C whose broadcasts only A may receive
    JsonNode a = register("{\"name\":\"sub-a\"}"), b = register("{\"name\":\"sub-b\"}");
    JsonNode c = register("{\"name\":\"sub-c\",\"receiveWhitelist\":[\"" + uuid(a) + "\"]}");
    JsonNode out = python("subscriptions", uuid(a), token(a), uuid(b), token(b), uuid(c), token(c));
    // THEN B may subscribe neither A's uuid nor a wildcard (3.1.1 SUBACK failure 0x80)
    assertThat(out.get("bOnA").asInt()).isEqualTo(0x80);
    assertThat(out.get("bOnWildcard").asInt()).isEqualTo(0x80);
    assertThat(out.get("bOnCBc").asInt()).isEqualTo(0x80);
    assertThat(out.get("bOnABc").asInt()).isEqualTo(1);
    assertThat(out.get("aOnCBc").asInt()).isEqualTo(1);
    // A's broadcast and its data reach B on A_bc; C's broadcast reaches A
    assertThat(out.at("/bGotABroadcast/1/topic").asText()).isEqualTo("message");
    assertThat(out.at("/bGotABroadcast/1/data/payload").asText()).isEqualTo("hello from a");
    assertThat(out.at("/aGotCBroadcast/1/data/payload").asText()).isEqualTo("hello from c");
    assertThat(out.at("/aGotCBroadcast/1/data/fromUuid").asText()).isEqualTo(uuid(c));
    assertThat(out.at("/bGotAData/1/data/payload/humidity").asText()).isEqualTo("40");
    // and nothing of C's reached B
    assertThat(out.get("bOther").toString()).doesNotContain(uuid(c));
  }

  @Test
  void wrongTokenIsRefusedWithBadCredentials() throws Exception {
    JsonNode a = register("{\"name\":\"wrong\"}");
    assertThat(python("refused", uuid(a)).get("rc").asInt()).isEqualTo(4); // 3.1.1 §3.2.2.3
    Process p = run("mosquitto_pub", "-V", "mqttv5", "-u", uuid(a), "-P", "nope", "-t", "whoami", "-m", "{}");
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isNotZero();
    assertThat(err).contains("Bad User Name or Password"); // CONNACK 0x86
  }

  @Test
  void mosquittoDevicesExchangeMessagesAndRestMessagesReachMqtt() throws Exception {
    JsonNode a = register("{\"name\":\"mosq-a\"}"), b = register("{\"name\":\"mosq-b\"}");
    // GIVEN mosquitto_sub as B on its own uuid (MQTT 5)
    Process sub = run("mosquitto_sub", "-V", "mqttv5", "-u", uuid(b), "-P", token(b), "-t", uuid(b), "-C", "2",
        "-W", "30");
    // WHEN A publishes with mosquitto_pub until B's subscription is in place, then A posts over REST
    String msg = "{\"devices\":\"" + uuid(b) + "\",\"payload\":\"via mosquitto\"}";
    for (int i = 0; i < 40 && sub.isAlive(); i++) {
      run("mosquitto_pub", "-V", "mqttv5", "-q", "1", "-u", uuid(a), "-P", token(a), "-t", "message", "-m", msg)
          .waitFor(10, TimeUnit.SECONDS);
      if (i == 0) Thread.sleep(500);
      HttpResponse<String> r = http(HttpRequest.newBuilder(devicesUri("/messages"))
          .header("Content-Type", "application/json").header("skynet_auth_uuid", uuid(a))
          .header("skynet_auth_token", token(a))
          .POST(HttpRequest.BodyPublishers.ofString("{\"devices\":\"" + uuid(b) + "\",\"payload\":\"via rest\"}")));
      assertThat(r.statusCode()).isEqualTo(200);
      if (sub.waitFor(300, TimeUnit.MILLISECONDS)) break;
    }
    assertThat(sub.waitFor(10, TimeUnit.SECONDS)).isTrue();
    String got = new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // THEN both arrive wrapped as {"topic":"message","data":{...}}
    List<String> payloads = new ArrayList<>();
    for (String line : got.strip().split("\n")) {
      JsonNode m = JSON.readTree(line);
      assertThat(m.get("topic").asText()).isEqualTo("message");
      assertThat(m.at("/data/fromUuid").asText()).isEqualTo(uuid(a));
      payloads.add(m.at("/data/payload").asText());
    }
    assertThat(payloads).containsAnyOf("via mosquitto", "via rest").hasSize(2);
    // AND B may not subscribe to A's uuid: MQTT 5 SUBACK 0x87
    Process denied = run("mosquitto_sub", "-V", "mqttv5", "-u", uuid(b), "-P", token(b), "-t", uuid(a), "-C", "1",
        "-W", "5");
    String err = new String(denied.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(denied.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(err).contains("denied");
  }

  @Test
  void textBroadcastsDirectTextMessageAcksAndTheSuperUser() throws Exception {
    // GIVEN devices A and B and the skynet super-user (config mqtt.skynetPass)
    JsonNode a = register("{\"name\":\"text-a\"}"), b = register("{\"name\":\"text-b\"}");
    JsonNode out = python("texts", uuid(a), token(a), uuid(b), token(b), SUPER_PASS);
    assertThat(out.get("superRc").asInt()).isZero();
    assertThat(out.get("bOnATb").asInt()).isEqualTo(1);
    assertThat(out.get("superSubs").toString()).isEqualTo("[1,1,1]");
    // THEN A's tb reaches B on A_tb as the bare message object (wrapMqttMessage('tb'))
    assertThat(out.at("/bGotTb/1/payload").asText()).isEqualTo("hello text");
    assertThat(out.at("/bGotTb/1/fromUuid").asText()).isEqualTo(uuid(a));
    // directText reaches B on its uuid, bare
    assertThat(out.at("/bGotDirect/1/payload").asText()).isEqualTo("direct");
    assertThat(out.at("/bGotDirect/1/fromUuid").asText()).isEqualTo(uuid(a));
    // B's messageAck reaches A as {topic: messageAck}; the super-user listening on A's uuid sees it too
    assertThat(out.at("/aGotAck/1/topic").asText()).isEqualTo("messageAck");
    assertThat(out.at("/aGotAck/1/data/ack").asInt()).isEqualTo(5);
    assertThat(out.at("/aGotAck/1/data/fromUuid").asText()).isEqualTo(uuid(b));
    assertThat(out.at("/superSawAck/1/topic").asText()).isEqualTo("messageAck");
    // config and gatewayConfig reach only the super-user, with fromUuid
    assertThat(out.at("/superConfig/1/x").asInt()).isEqualTo(1);
    assertThat(out.at("/superConfig/1/fromUuid").asText()).isEqualTo(uuid(a));
    assertThat(out.at("/superGatewayConfig/1/y").asInt()).isEqualTo(2);
    // the super-user's raw publish to B's uuid arrives as it was sent
    assertThat(out.at("/bGotRaw/1").asText()).isEqualTo("raw hello");
    assertThat(out.get("bOther")).isEmpty();
    assertThat(out.get("superWrongRc").asInt()).isEqualTo(4);
  }

  @Test
  void resetTokenAnswersTheNewTokenAndOnlyItLogsIn() throws Exception {
    JsonNode a = register("{\"name\":\"reset\"}");
    JsonNode out = python("resetToken", uuid(a), token(a));
    assertThat(out.at("/token/1/topic").asText()).isEqualTo("token");
    assertThat(out.at("/token/1/data/uuid").asText()).isEqualTo(uuid(a));
    assertThat(out.at("/token/1/data/token").asText()).isNotEqualTo(token(a)).isNotEmpty();
    assertThat(out.at("/tokenAck/1/topic").asText()).isEqualTo("messageAck");
    assertThat(out.at("/tokenAck/1/data/ack").asInt()).isEqualTo(9);
    // the original and the first new token are refused (CONNACK 4), the newest works; REST agrees
    assertThat(out.get("loginRcs").toString()).isEqualTo("[4,4,0]");
    JsonNode newest = JSON.createObjectNode().put("uuid", uuid(a))
        .put("token", out.at("/tokenAck/1/data/payload/token").asText());
    assertThat(get("/devices/" + uuid(a), newest).at("/devices/0/uuid").asText()).isEqualTo(uuid(a));
  }

  @Test
  void deviceSubscriptionsAreKeptByAPersistentSession() throws Exception {
    JsonNode a = register("{\"name\":\"persist-a\"}"), b = register("{\"name\":\"persist-b\"}");
    JsonNode out = python("persistent", uuid(a), token(a), uuid(b), token(b));
    assertThat(out.get("firstPresent").asInt()).isZero();
    assertThat(out.get("secondPresent").asInt()).isEqualTo(1);
    // THEN after reconnecting without SUBSCRIBE, A still receives on its uuid
    assertThat(out.at("/aGot/1/data/payload").asText()).isEqualTo("after reconnect");
    // AND a clean start forgets the subscription
    assertThat(out.get("aAfterClean")).isEmpty();
  }

  private static JsonNode python(String scenario, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "src/test/python/skynet_mqtt.py", scenario,
        String.valueOf(mqtt.port())));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return JSON.readTree(out);
  }

  private static Process run(String... cmd) throws IOException {
    List<String> all = new ArrayList<>(List.of(cmd));
    all.addAll(List.of("-h", "127.0.0.1", "-p", String.valueOf(mqtt.port())));
    return new ProcessBuilder(all).start();
  }

  private static JsonNode register(String json) throws Exception {
    HttpResponse<String> r = http(HttpRequest.newBuilder(devicesUri("/devices"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    return JSON.readTree(r.body());
  }

  private static JsonNode get(String path, JsonNode as) throws Exception {
    HttpResponse<String> r = http(HttpRequest.newBuilder(devicesUri(path))
        .header("skynet_auth_uuid", uuid(as)).header("skynet_auth_token", token(as)).GET());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static HttpResponse<String> http(HttpRequest.Builder b) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(b.timeout(java.time.Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private static URI devicesUri(String path) { return URI.create("http://127.0.0.1:" + devices.port() + path); }

  private static String uuid(JsonNode d) { return d.get("uuid").asText(); }

  private static String token(JsonNode d) { return d.get("token").asText(); }
}

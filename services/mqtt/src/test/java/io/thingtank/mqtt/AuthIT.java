package io.thingtank.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingtank.core.Platform;
import io.thingtank.core.ServiceModule;
import io.thingtank.mqtt.PahoV3IT.Inbox;
import io.thingtank.mqtt.auth.MqttAuthenticator;
import io.thingtank.mqtt.auth.MqttPrincipal;
import io.thingtank.mqtt.auth.PasswordHash;
import io.thingtank.mqtt.auth.TopicAcl;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Users with PBKDF2 hashes and topic ACLs from the config, no anonymous access, and a provided authenticator. */
@Timeout(60)
class AuthIT {
  @TempDir static Path dir;
  static TestBroker broker;

  /** Stands in for the device hub: accepts user "device-1" with token "tok" and limits it to its own topics. */
  static final class DeviceHubStandIn implements ServiceModule {
    @Override public String name() { return "devices-stand-in"; }

    @Override
    public void register(Platform p) {
      p.provide(MqttAuthenticator.class, c -> {
        if (!"device-1".equals(c.username())) return Future.succeededFuture(Optional.empty());
        if (!"tok".equals(new String(c.password()))) return Future.failedFuture(new SecurityException("bad token"));
        return Future.succeededFuture(Optional.of(new MqttPrincipal("device-1",
            TopicAcl.of("device-1", List.of("devices/%u/#"), List.of("devices/%u/#")))));
      });
    }

    @Override public Future<?> start(Platform p) { return Future.succeededFuture(); }

    @Override public List<String> endpoints() { return List.of(); }
  }

  @BeforeAll
  static void start() {
    String hash = PasswordHash.hash("s3cret");
    broker = TestBroker.start(dir, """
        {"allowAnonymous": false,
         "users": [{"username": "alice", "passwordHash": "%s",
                    "publish": ["sensors/%%u/#"], "subscribe": ["sensors/+/temp", "alerts/#"]}]}
        """.formatted(hash), false, new DeviceHubStandIn());
  }

  @AfterAll static void stop() { broker.close(); }

  private static MqttClient connect(String id, String user, String password) throws MqttException {
    MqttClient c = new MqttClient(broker.tcpUri(), id, new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    if (user != null) o.setUserName(user);
    if (password != null) o.setPassword(password.toCharArray());
    c.connect(o);
    return c;
  }

  @Test
  void anonymousAndWrongPasswordsAreRefused() {
    assertThatThrownBy(() -> connect("anon", null, null))
        .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(5));
    assertThatThrownBy(() -> connect("wrong", "alice", "nope"))
        .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(4));
    assertThatThrownBy(() -> connect("unknown", "mallory", "x"))
        .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(4));
  }

  @Test
  void version5RefusalCarriesReasonCode0x86() {
    assertThatThrownBy(() -> {
      var c = new org.eclipse.paho.mqttv5.client.MqttClient(broker.tcpUri(), "v5-wrong",
          new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
      MqttConnectionOptions o = new MqttConnectionOptions();
      o.setUserName("alice");
      o.setPassword("bad".getBytes());
      c.connect(o);
    }).isInstanceOfSatisfying(org.eclipse.paho.mqttv5.common.MqttException.class,
        e -> assertThat(e.getReasonCode()).isEqualTo(0x86));
  }

  @Test
  void aclLimitsPublishAndSubscribe() throws Exception {
    MqttClient alice = connect("alice-1", "alice", "s3cret");
    Inbox inbox = new Inbox();
    alice.setCallback(inbox);
    // a filter outside the subscribe patterns is refused (SUBACK 0x80)
    assertThat(alice.subscribeWithResponse("secrets/#", 1).getGrantedQos()).containsExactly(0x80);
    // a filter covered by "sensors/+/temp" is granted
    assertThat(alice.subscribeWithResponse("sensors/alice/temp", 1).getGrantedQos()).containsExactly(1);
    alice.publish("sensors/alice/temp", "21".getBytes(), 1, false);
    assertThat(new String(inbox.next().message().getPayload())).isEqualTo("21");
    // publishing outside "sensors/%u/#" is acknowledged (3.1.1 has no negative PUBACK) but dropped
    alice.publish("sensors/bob/temp", "forged".getBytes(), 1, false);
    assertThat(inbox.messages.poll(500, TimeUnit.MILLISECONDS)).isNull();
    alice.disconnect();
  }

  @Test
  void providedAuthenticatorIsAskedFirst() throws Exception {
    MqttClient device = connect("dev-client", "device-1", "tok");
    assertThat(device.subscribeWithResponse("devices/device-1/cmd", 1).getGrantedQos()).containsExactly(1);
    assertThat(device.subscribeWithResponse("devices/device-2/cmd", 1).getGrantedQos()).containsExactly(0x80);
    device.disconnect();
    assertThatThrownBy(() -> connect("dev-client", "device-1", "bad"))
        .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(4));
  }
}

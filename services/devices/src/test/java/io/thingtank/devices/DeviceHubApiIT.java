package io.thingtank.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.hub.Channel;
import io.thingtank.devices.hub.Delivery;
import io.thingtank.devices.hub.DeviceJson;
import io.thingtank.devices.hub.HubException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Java API other modules use (the MQTT broker's SkyNet API), found through the platform registry. */
@Timeout(30)
class DeviceHubApiIT {
  @TempDir Path dir;

  @Test
  void operationsThroughTheProvidedApi() throws Exception {
    try (HubNode node = HubNode.start(dir)) {
      DeviceHub hub = node.node.platform().lookup(DeviceHub.class).orElseThrow();
      ObjectNode a = hub.register(DeviceJson.object().put("name", "mqtt-a"), "10.0.0.1").await(5, TimeUnit.SECONDS);
      ObjectNode b = hub.register(DeviceJson.object().put("name", "mqtt-b"), "10.0.0.2").await(5, TimeUnit.SECONDS);
      ObjectNode me = hub.authenticate(a.get("uuid").asText(), a.get("token").asText()).await(5, TimeUnit.SECONDS);
      assertThat(me.get("name").asText()).isEqualTo("mqtt-a");
      assertThat(me.has("token")).isFalse();
      try {
        hub.authenticate(a.get("uuid").asText(), "wrong").await(5, TimeUnit.SECONDS);
        throw new AssertionError("wrong token accepted");
      } catch (HubException e) {
        assertThat(e.code()).isEqualTo(401);
      }
      ObjectNode meB = hub.authenticate(b.get("uuid").asText(), b.get("token").asText()).await(5, TimeUnit.SECONDS);
      LinkedBlockingQueue<Delivery> got = new LinkedBlockingQueue<>();
      DeviceHub.Subscribed sub = hub.subscribe(meB, b.get("uuid").asText(), EnumSet.of(Channel.RECEIVED), got::add)
          .await(5, TimeUnit.SECONDS);
      ObjectNode msg = DeviceJson.object().put("devices", b.get("uuid").asText()).put("payload", "over mqtt");
      hub.sendMessage(me, msg).await(5, TimeUnit.SECONDS);
      Delivery d = got.poll(5, TimeUnit.SECONDS);
      assertThat(d.event()).isEqualTo("message");
      assertThat(d.body().get("fromUuid").asText()).isEqualTo(a.get("uuid").asText());
      sub.close();
      assertThat(hub.update(me, null, DeviceJson.object().put("online", "true")).await(5, TimeUnit.SECONDS)
          .get("online").asBoolean()).isTrue();
      assertThat(hub.whoami(a.get("uuid").asText()).await(5, TimeUnit.SECONDS).get("online").asBoolean()).isTrue();
      hub.saveData(me, a.get("uuid").asText(), DeviceJson.object().put("temp", 3)).await(5, TimeUnit.SECONDS);
      assertThat(hub.data(me, a.get("uuid").asText(), 5, Long.MIN_VALUE, Long.MAX_VALUE).await(5, TimeUnit.SECONDS)
          .get(0).get("temp").asText()).isEqualTo("3");
    }
  }

  @Test
  void resetTokenReplacesEveryTokenAndOnlyForWhoMayConfigure() throws Exception {
    try (HubNode node = HubNode.start(dir)) {
      DeviceHub hub = node.node.platform().lookup(DeviceHub.class).orElseThrow();
      // GIVEN two devices
      ObjectNode a = hub.register(DeviceJson.object().put("name", "reset-a"), "10.0.0.1").await(5, TimeUnit.SECONDS);
      ObjectNode b = hub.register(DeviceJson.object().put("name", "reset-b"), "10.0.0.2").await(5, TimeUnit.SECONDS);
      String uuid = a.get("uuid").asText();
      ObjectNode me = hub.authenticate(uuid, a.get("token").asText()).await(5, TimeUnit.SECONDS);
      ObjectNode other = hub.authenticate(b.get("uuid").asText(), b.get("token").asText()).await(5, TimeUnit.SECONDS);
      // WHEN the device resets its own token
      String fresh = hub.resetToken(me, uuid).await(5, TimeUnit.SECONDS);
      // THEN the new token works and the old one does not
      assertThat(fresh).isNotEqualTo(a.get("token").asText()).hasSizeGreaterThanOrEqualTo(32);
      assertThat(hub.authenticate(uuid, fresh).await(5, TimeUnit.SECONDS).get("uuid").asText()).isEqualTo(uuid);
      assertThat(code(() -> hub.authenticate(uuid, a.get("token").asText()).await(5, TimeUnit.SECONDS))).isEqualTo(401);
      // AND another device may not reset it; an unknown device is 404
      assertThat(code(() -> hub.resetToken(other, uuid).await(5, TimeUnit.SECONDS))).isEqualTo(401);
      assertThat(code(() -> hub.resetToken(me, "no-such-device").await(5, TimeUnit.SECONDS))).isEqualTo(404);
      assertThat(hub.authenticate(uuid, fresh).await(5, TimeUnit.SECONDS).get("uuid").asText()).isEqualTo(uuid);
    }
  }

  @Test
  void sendMessageUnderAnotherEventName() throws Exception {
    try (HubNode node = HubNode.start(dir)) {
      DeviceHub hub = node.node.platform().lookup(DeviceHub.class).orElseThrow();
      ObjectNode a = hub.register(DeviceJson.object(), "10.0.0.1").await(5, TimeUnit.SECONDS);
      ObjectNode b = hub.register(DeviceJson.object(), "10.0.0.2").await(5, TimeUnit.SECONDS);
      ObjectNode me = hub.authenticate(a.get("uuid").asText(), a.get("token").asText()).await(5, TimeUnit.SECONDS);
      ObjectNode meB = hub.authenticate(b.get("uuid").asText(), b.get("token").asText()).await(5, TimeUnit.SECONDS);
      LinkedBlockingQueue<Delivery> got = new LinkedBlockingQueue<>();
      DeviceHub.Subscribed sub = hub.subscribe(meB, b.get("uuid").asText(), EnumSet.of(Channel.RECEIVED), got::add)
          .await(5, TimeUnit.SECONDS);
      hub.sendMessage(me, DeviceJson.object().put("devices", b.get("uuid").asText()).put("payload", "hi"), "tb")
          .await(5, TimeUnit.SECONDS);
      Delivery d = got.poll(5, TimeUnit.SECONDS);
      assertThat(d.event()).isEqualTo("tb");
      assertThat(d.body().get("payload").asText()).isEqualTo("hi");
      assertThat(d.body().get("fromUuid").asText()).isEqualTo(a.get("uuid").asText());
      sub.close();
    }
  }

  private static int code(java.util.concurrent.Callable<?> call) throws Exception {
    try {
      call.call();
      return 0;
    } catch (HubException e) {
      return e.code();
    }
  }
}

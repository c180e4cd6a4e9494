package io.thingtank.mqtt.skynet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.DeviceHub;
import io.thingtank.devices.hub.HubException;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * What a device's PUBLISH to a SkyNet topic asks of the hub (meshblu 2014
 * {@code lib/mqttServer.js}, {@code server.on('published')}, and its 2015 {@code resetToken}):
 * <ul>
 *   <li>{@code message}, {@code data}, {@code update}, {@code whoami}: hub calls;</li>
 *   <li>{@code messageAck} ({@code {"devices": uuid, "ack": id, ...}}): a device answering a
 *       message; the target gets {@code {"topic":"messageAck","data":...}} if the sender may send to it;</li>
 *   <li>{@code tb} (any text): a text broadcast to {@code <uuid>_tb} subscribers;
 *       {@code directText} ({@code {"devices": ..., "payload": ...}}): text messages, delivered
 *       unwrapped (wrapMqttMessage.js);</li>
 *   <li>{@code resetToken} ({@code {"uuid": ...}}, own uuid by default): a new token, the old
 *       ones stop working; answered on topic {@code token} with {@code {uuid, token}};</li>
 *   <li>{@code config}, {@code gatewayConfig}: accepted and only seen by the {@code skynet}
 *       super-user's subscriptions, as in 2014 (mosca routed them to topic subscribers).</li>
 * </ul>
 * Every accepted publication is offered to the super-user's taps with {@code fromUuid} added.
 * A request carrying {@code "ack"} (except {@code messageAck}, where it is the content) is
 * answered with SkyNet's serverAck, {@code {"topic":"messageAck","data":{"ack":<id>,"payload":<answer>}}};
 * without it {@code whoami} answers on topic {@code whoami} (as Meshblu 1.x) and a failure on
 * topic {@code error}. Runs on the connection's event loop.
 */
final class SkynetRequests {
  // MQTT 5 PUBACK reason codes (§3.4.2.1)
  private static final int SUCCESS = 0x00, UNSPECIFIED = 0x80, NOT_AUTHORIZED = 0x87, PAYLOAD_FORMAT_INVALID = 0x99;

  private final DeviceHub hub;
  private final ObjectNode device;
  private final String uuid;
  /** Sends {@code {"topic": t, "data": d}} to the device's own uuid topic. */
  private final BiConsumer<String, ObjectNode> answer;
  private final SkynetTaps taps;

  SkynetRequests(DeviceHub hub, ObjectNode device, BiConsumer<String, ObjectNode> answer, SkynetTaps taps) {
    this.hub = hub;
    this.device = device;
    this.uuid = device.path("uuid").asText();
    this.answer = answer;
    this.taps = taps;
  }

  /** Completes with the PUBACK reason code; never fails. */
  Future<Integer> handle(String topic, byte[] payload) {
    return switch (topic) {
      case "message", "data", "update", "whoami", "resetToken", "messageAck", "directText", "config",
           "gatewayConfig" -> call(topic, payload);
      case "tb" -> textBroadcast(payload);
      default -> Future.succeededFuture(NOT_AUTHORIZED); // not a SkyNet topic (authorizePublish refused it)
    };
  }

  /** 2014 {@code tb}: the payload is text, not JSON; sent to {@code <uuid>_tb} as {@code {payload, devices, fromUuid}}. */
  private Future<Integer> textBroadcast(byte[] payload) {
    ObjectNode text = SkynetPayloads.object().put("devices", "*")
        .put("payload", new String(payload, StandardCharsets.UTF_8));
    taps.published("tb", payload);
    return hub.sendMessage(device, text, SkynetPayloads.TEXT_EVENT).map(SUCCESS).otherwise(e -> failed(e, null));
  }

  private Future<Integer> call(String topic, byte[] payload) {
    ObjectNode request;
    try {
      request = SkynetPayloads.request(payload);
    } catch (HubException e) {
      answer.accept("error", SkynetPayloads.error(e.code(), e.getMessage()));
      return Future.succeededFuture(PAYLOAD_FORMAT_INVALID);
    }
    taps.published(topic, SkynetPayloads.bytes(request.deepCopy().put("fromUuid", uuid)));
    JsonNode ackId = topic.equals("messageAck") ? null : request.remove("ack");
    Future<? extends JsonNode> result = switch (topic) {
      case "message" -> hub.sendMessage(device, request);
      case "messageAck" -> hub.sendMessage(device, request, "messageAck");
      case "directText" -> hub.sendMessage(device, request, SkynetPayloads.TEXT_EVENT);
      case "data" -> {
        request.remove("token");
        yield hub.saveData(device, uuid, request);
      }
      case "update" -> hub.update(device, request.path("uuid").asText(uuid), request);
      case "resetToken" -> {
        String target = request.path("uuid").asText(uuid);
        yield hub.resetToken(device, target).map(t -> SkynetPayloads.object().put("uuid", target).put("token", t));
      }
      case "config", "gatewayConfig" -> Future.succeededFuture(request); // for the super-user's taps only
      default -> hub.whoami(uuid);
    };
    return result.map(answered -> {
      if (ackId != null) answer.accept("messageAck", SkynetPayloads.ack(ackId, answered));
      else if (topic.equals("whoami")) answer.accept("whoami", (ObjectNode) answered);
      else if (topic.equals("resetToken")) answer.accept("token", (ObjectNode) answered);
      return SUCCESS;
    }).otherwise(e -> failed(e, ackId));
  }

  private int failed(Throwable e, JsonNode ackId) {
    int code = e instanceof HubException h ? h.code() : 500;
    ObjectNode error = SkynetPayloads.error(code, String.valueOf(e.getMessage()));
    if (ackId != null) answer.accept("messageAck", SkynetPayloads.ack(ackId, SkynetPayloads.object().set("error", error)));
    else answer.accept("error", error);
    return code == 401 || code == 403 || code == 404 ? NOT_AUTHORIZED : code == 422 ? PAYLOAD_FORMAT_INVALID : UNSPECIFIED;
  }
}

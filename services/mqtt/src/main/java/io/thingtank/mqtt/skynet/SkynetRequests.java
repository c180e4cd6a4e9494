package io.thingtank.mqtt.skynet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.DeviceHub;
import io.thingtank.devices.hub.HubException;
import io.vertx.core.Future;
import java.util.function.BiConsumer;

/**
 * What a device's PUBLISH to a SkyNet topic asks of the hub (meshblu 2014
 * {@code lib/mqttServer.js}, {@code server.on('published')}): {@code message}, {@code data},
 * {@code update}, {@code whoami}. A request carrying {@code "ack"} is answered with SkyNet's
 * serverAck, {@code {"topic":"messageAck","data":{"ack":<id>,"payload":<answer>}}}; without it
 * {@code whoami} answers on topic {@code whoami} (as Meshblu 1.x) and a failure on topic
 * {@code error}. The other topics of the 2014 list ({@code messageAck}, {@code tb},
 * {@code directText}, {@code config}, {@code gatewayConfig}) and {@code resetToken} are not
 * offered: MQTT 5 reason 0x83. Runs on the connection's event loop.
 */
final class SkynetRequests {
  // MQTT 5 PUBACK reason codes (§3.4.2.1)
  private static final int SUCCESS = 0x00, UNSPECIFIED = 0x80, IMPLEMENTATION_SPECIFIC = 0x83,
      NOT_AUTHORIZED = 0x87, PAYLOAD_FORMAT_INVALID = 0x99;

  private final DeviceHub hub;
  private final ObjectNode device;
  private final String uuid;
  /** Sends {@code {"topic": t, "data": d}} to the device's own uuid topic. */
  private final BiConsumer<String, ObjectNode> answer;

  SkynetRequests(DeviceHub hub, ObjectNode device, BiConsumer<String, ObjectNode> answer) {
    this.hub = hub;
    this.device = device;
    this.uuid = device.path("uuid").asText();
    this.answer = answer;
  }

  /** Completes with the PUBACK reason code; never fails. */
  Future<Integer> handle(String topic, byte[] payload) {
    return switch (topic) {
      case "message", "data", "update", "whoami" -> call(topic, payload);
      case "messageAck", "tb", "directText", "config", "gatewayConfig", "resetToken" -> {
        answer.accept("error", SkynetPayloads.error(501, topic + " is not supported over MQTT"));
        yield Future.succeededFuture(IMPLEMENTATION_SPECIFIC);
      }
      default -> Future.succeededFuture(NOT_AUTHORIZED); // not a SkyNet topic (authorizePublish refused it)
    };
  }

  private Future<Integer> call(String topic, byte[] payload) {
    ObjectNode request;
    try {
      request = SkynetPayloads.request(payload);
    } catch (HubException e) {
      answer.accept("error", SkynetPayloads.error(e.code(), e.getMessage()));
      return Future.succeededFuture(PAYLOAD_FORMAT_INVALID);
    }
    JsonNode ackId = request.remove("ack");
    Future<? extends JsonNode> result = switch (topic) {
      case "message" -> hub.sendMessage(device, request);
      case "data" -> {
        request.remove("token");
        yield hub.saveData(device, uuid, request);
      }
      case "update" -> hub.update(device, request.path("uuid").asText(uuid), request);
      default -> hub.whoami(uuid);
    };
    return result.map(answered -> {
      if (ackId != null) answer.accept("messageAck", SkynetPayloads.ack(ackId, answered));
      else if (topic.equals("whoami")) answer.accept("whoami", (ObjectNode) answered);
      return SUCCESS;
    }).otherwise(e -> {
      int code = e instanceof HubException h ? h.code() : 500;
      ObjectNode error = SkynetPayloads.error(code, String.valueOf(e.getMessage()));
      if (ackId != null) answer.accept("messageAck", SkynetPayloads.ack(ackId, SkynetPayloads.object().set("error", error)));
      else answer.accept("error", error);
      return code == 401 || code == 403 || code == 404 ? NOT_AUTHORIZED : code == 422 ? PAYLOAD_FORMAT_INVALID : UNSPECIFIED;
    });
  }
}

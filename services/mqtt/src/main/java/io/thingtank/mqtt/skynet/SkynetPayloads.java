package io.thingtank.mqtt.skynet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.hub.Delivery;
import io.thingtank.devices.hub.HubException;
import java.io.IOException;

/**
 * SkyNet's MQTT payloads: requests are JSON objects; everything sent to a device is wrapped as
 * {@code {"topic": <event>, "data": <body>}} (meshblu 2014 {@code lib/wrapMqttMessage.js}).
 * Stateless; thread-safe.
 */
final class SkynetPayloads {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The hub event of text messages (SkyNet's {@code tb}). */
  static final String TEXT_EVENT = "tb";

  private SkynetPayloads() {}

  /** The request object, or a 422 {@link HubException} for anything but a JSON object. */
  static ObjectNode request(byte[] payload) {
    try {
      JsonNode n = JSON.readTree(payload);
      if (n instanceof ObjectNode o) return o;
    } catch (IOException e) {
      // answered below like any other non-object
    }
    throw new HubException(422, "Invalid JSON object");
  }

  static byte[] wrap(String topic, JsonNode data) {
    ObjectNode out = JSON.createObjectNode();
    out.put("topic", topic);
    out.set("data", data);
    try {
      return JSON.writeValueAsBytes(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What a device receives for one hub delivery: {@code {"topic": event, "data": body}}, except
   * text messages ({@code tb}: text broadcasts and directText), which wrapMqttMessage.js sends
   * as the bare message object.
   */
  static byte[] delivery(Delivery d) {
    if (!isText(d)) return wrap(d.event(), d.body());
    try {
      return JSON.writeValueAsBytes(d.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean isText(Delivery d) { return TEXT_EVENT.equals(d.event()); }

  /** SkyNet's serverAck body: {@code {"ack": <id>, "payload": <answer>}}. */
  static ObjectNode ack(JsonNode ackId, JsonNode answer) {
    ObjectNode out = JSON.createObjectNode();
    out.set("ack", ackId);
    out.set("payload", answer);
    return out;
  }

  static ObjectNode error(int code, String message) {
    return JSON.createObjectNode().put("message", message).put("code", code);
  }

  static ObjectNode object() { return JSON.createObjectNode(); }

  static byte[] bytes(ObjectNode o) {
    try {
      return JSON.writeValueAsBytes(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

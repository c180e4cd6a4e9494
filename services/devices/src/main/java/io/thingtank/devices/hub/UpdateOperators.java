package io.thingtank.devices.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * The MongoDB update operators Meshblu v2's PUT /v2/devices/:uuid accepts ({@code $set},
 * {@code $unset}, {@code $inc}, {@code $push}, {@code $addToSet}, {@code $pull}), with dotted
 * paths; a document without operators is a {@code $set}. {@code uuid} and {@code token} can
 * never be changed. Pure functions on the given node; thread-confined.
 */
final class UpdateOperators {
  private static final Set<String> KNOWN = Set.of("$set", "$unset", "$inc", "$push", "$addToSet", "$pull");

  private UpdateOperators() {}

  /** Fails with 422 on an unknown operator or a non-object operand. */
  static void validate(ObjectNode update) {
    for (Map.Entry<String, JsonNode> e : update.properties()) {
      if (e.getKey().startsWith("$") && (!KNOWN.contains(e.getKey()) || !e.getValue().isObject())) {
        throw new HubException(422, "Invalid update operator " + e.getKey());
      }
    }
  }

  static void apply(ObjectNode device, ObjectNode update) {
    boolean operators = update.properties().stream().anyMatch(e -> e.getKey().startsWith("$"));
    if (!operators) {
      set(device, update);
      return;
    }
    for (Map.Entry<String, JsonNode> op : update.properties()) {
      ObjectNode operand = (ObjectNode) op.getValue();
      switch (op.getKey()) {
        case "$set" -> set(device, operand);
        case "$unset" -> operand.properties().forEach(e -> { if (allowed(e.getKey())) remove(device, e.getKey()); });
        case "$inc" -> operand.properties().forEach(e -> {
          if (!allowed(e.getKey())) return;
          JsonNode cur = get(device, e.getKey());
          double sum = (cur == null ? 0 : cur.asDouble()) + e.getValue().asDouble();
          boolean integral = (cur == null || cur.isIntegralNumber()) && e.getValue().isIntegralNumber();
          put(device, e.getKey(), integral ? device.numberNode((long) sum) : device.numberNode(sum));
        });
        case "$push", "$addToSet", "$pull" -> operand.properties().forEach(e -> {
          if (!allowed(e.getKey())) return;
          JsonNode cur = get(device, e.getKey());
          ArrayNode arr = cur instanceof ArrayNode a ? a : device.arrayNode();
          if (op.getKey().equals("$pull")) {
            for (int i = arr.size() - 1; i >= 0; i--) if (arr.get(i).equals(e.getValue())) arr.remove(i);
          } else if (op.getKey().equals("$push") || !contains(arr, e.getValue())) {
            arr.add(e.getValue());
          }
          put(device, e.getKey(), arr);
        });
        default -> throw new HubException(422, "Invalid update operator " + op.getKey());
      }
    }
  }

  private static void set(ObjectNode device, ObjectNode values) {
    values.properties().forEach(e -> { if (allowed(e.getKey())) put(device, e.getKey(), e.getValue()); });
  }

  private static boolean allowed(String path) {
    String top = path.split("\\.", 2)[0];
    return !top.equals("uuid") && !top.equals("token") && !top.startsWith("$");
  }

  private static boolean contains(ArrayNode arr, JsonNode v) {
    for (JsonNode n : arr) if (n.equals(v)) return true;
    return false;
  }

  private static JsonNode get(ObjectNode root, String path) {
    JsonNode n = root;
    for (String part : path.split("\\.")) {
      n = n == null ? null : n.get(part);
    }
    return n;
  }

  private static void put(ObjectNode root, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    ObjectNode n = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = n.get(parts[i]);
      if (!(child instanceof ObjectNode)) {
        child = n.putObject(parts[i]);
      }
      n = (ObjectNode) child;
    }
    n.set(parts[parts.length - 1], value);
  }

  private static void remove(ObjectNode root, String path) {
    String[] parts = path.split("\\.");
    JsonNode n = root;
    for (int i = 0; i < parts.length - 1 && n != null; i++) n = n.get(parts[i]);
    if (n instanceof ObjectNode o) o.remove(parts[parts.length - 1]);
  }
}

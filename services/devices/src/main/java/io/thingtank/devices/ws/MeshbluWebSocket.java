package io.thingtank.devices.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.DeviceHub;
import io.thingtank.devices.hub.Channel;
import io.thingtank.devices.hub.DeviceJson;
import io.thingtank.devices.hub.Hub;
import io.thingtank.devices.hub.HubException;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Meshblu's plain WebSocket API at {@code /ws/v2} ({@code lib/MeshbluWebsocketHandler.coffee},
 * 2015): every frame is a JSON array {@code [type, data]}. {@code identity} answers
 * {@code ready}/{@code notReady}; requests answer {@code device}, {@code devices},
 * {@code mydevices}, {@code registered}, {@code status}, {@code unregistered}, {@code updated},
 * {@code whoami}; failures an {@code ["error", {message, frame, status}]} frame. Messages,
 * config and data arrive as {@code ["message", ...]} etc. Runs on the connection's event loop.
 */
public final class MeshbluWebSocket {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Hub hub;
  private final ServerWebSocket ws;
  private final String ipAddress;
  private ObjectNode device;
  private DeviceHub.Subscribed own;
  private final Map<String, DeviceHub.Subscribed> subscriptions = new HashMap<>();

  public MeshbluWebSocket(Hub hub, ServerWebSocket ws) {
    this.hub = hub;
    this.ws = ws;
    String fwd = ws.headers().get("x-forwarded-for");
    this.ipAddress = fwd != null ? fwd : ws.remoteAddress().hostAddress();
    ws.textMessageHandler(this::onFrame);
    ws.binaryMessageHandler(b -> sendError("invalid frame, must be in the form of [type, data]", null, 400));
    ws.closeHandler(v -> onClose());
    // Vert.x reports a message over maxWebSocketMessageSize here and drops it: tell the client and hang up
    ws.exceptionHandler(e -> { if (!ws.isClosed()) ws.close((short) 1009, "message too big"); });
  }

  private void onFrame(String text) {
    JsonNode frame;
    try {
      frame = JSON.readTree(text);
    } catch (Exception e) {
      frame = null;
    }
    if (frame == null || !frame.isArray() || frame.isEmpty() || !frame.get(0).isTextual()) {
      sendError("invalid frame, must be in the form of [type, data]", null, 400);
      return;
    }
    String type = frame.get(0).asText();
    JsonNode data = frame.size() > 1 ? frame.get(1) : DeviceJson.object();
    ArrayNode echo = (ArrayNode) frame;
    if (type.equals("identity")) {
      identity(data);
      return;
    }
    if (device == null) {
      sendError("unauthorized", echo, 401);
      return;
    }
    handle(type, data, echo);
  }

  private void handle(String type, JsonNode data, ArrayNode frame) {
    ObjectNode obj = data instanceof ObjectNode o ? o.deepCopy() : DeviceJson.object();
    String me = device.path("uuid").asText();
    Future<? extends JsonNode> result = switch (type) {
      case "device" -> hub.query(device, Map.of("uuid", obj.path("uuid").asText(""))).compose(l -> l.isEmpty()
          ? Future.failedFuture(HubException.notFound("Device not found")) : Future.succeededFuture(l.get(0)));
      case "devices" -> hub.query(device, strings(obj)).map(MeshbluWebSocket::devices);
      case "mydevices" -> hub.query(device, Map.of("owner", me)).map(l -> JSON.valueToTree(l));
      case "register" -> hub.register(obj, ipAddress);
      case "status" -> Future.succeededFuture(DeviceJson.object().put("meshblu", "online"));
      case "whoami" -> hub.whoami(me);
      case "message" -> hub.sendMessage(device, obj).map(m -> (JsonNode) null);
      case "unregister" -> hub.unregister(device, obj.path("uuid").asText(me), null)
          .map(r -> (JsonNode) DeviceJson.object().put("uuid", r.path("uuid").asText()));
      case "update" -> update(data);
      case "subscribe" -> subscribe(obj).map(s -> (JsonNode) null);
      case "unsubscribe" -> {
        DeviceHub.Subscribed s = subscriptions.remove(obj.path("uuid").asText());
        if (s != null) s.close();
        yield Future.succeededFuture((JsonNode) null);
      }
      default -> Future.failedFuture(new HubException(400, "unknown frame type " + type));
    };
    String reply = switch (type) {
      case "register" -> "registered";
      case "unregister" -> "unregistered";
      case "update" -> "updated";
      default -> type;
    };
    result.onComplete(ar -> {
      if (ar.failed()) sendError(ar.cause().getMessage(), frame, ar.cause() instanceof HubException h ? h.code() : 500);
      else if (ar.result() != null) send(reply, ar.result());
    });
  }

  /** {@code ["update", [query, params]]}: a Mongo-style update of {@code query.uuid}. */
  private Future<JsonNode> update(JsonNode data) {
    if (!data.isArray() || data.size() < 2 || !data.get(0).isObject() || !data.get(1).isObject()) {
      return Future.failedFuture(new HubException(400, "update needs [query, params]"));
    }
    String uuid = data.get(0).path("uuid").asText(device.path("uuid").asText());
    return hub.updateWith(device, uuid, (ObjectNode) data.get(1)).map(v -> DeviceJson.object().put("uuid", uuid));
  }

  private Future<DeviceHub.Subscribed> subscribe(ObjectNode data) {
    String uuid = data.path("uuid").asText("");
    EnumSet<Channel> wanted = EnumSet.of(Channel.BROADCAST, Channel.RECEIVED, Channel.SENT);
    if (data.path("types").isArray()) {
      wanted.clear();
      for (JsonNode t : data.get("types")) wanted.add(Channel.parse(t.asText()));
    }
    return hub.subscribe(device, uuid, wanted, d -> send(d.event(), d.body())).onSuccess(s -> {
      DeviceHub.Subscribed old = subscriptions.put(uuid, s);
      if (old != null) old.close();
    });
  }

  private void identity(JsonNode data) {
    String uuid = data.path("uuid").asText(null);
    String token = data.path("token").asText(null);
    hub.authenticate(uuid, token).onComplete(ar -> {
      if (ar.failed()) {
        send("notReady", DeviceJson.object().put("message", "unauthorized").put("status", 401));
        return;
      }
      closeAll();
      device = ar.result();
      own = hub.messenger().listen(uuid, EnumSet.of(Channel.RECEIVED, Channel.CONFIG), d -> send(d.event(), d.body()));
      send("ready", DeviceJson.object().put("uuid", uuid).put("token", token).put("status", 200));
      hub.update(device, uuid, DeviceJson.object().put("online", true));
    });
  }

  private void onClose() {
    closeAll();
    if (device != null) hub.update(device, device.path("uuid").asText(), DeviceJson.object().put("online", false));
  }

  private void closeAll() {
    if (own != null) own.close();
    own = null;
    subscriptions.values().forEach(DeviceHub.Subscribed::close);
    subscriptions.clear();
  }

  private void send(String type, JsonNode data) {
    if (ws.isClosed()) return;
    if (ws.writeQueueFull()) {
      ws.close((short) 1008, "slow client");
      return;
    }
    ArrayNode frame = JSON.createArrayNode().add(type).add(data);
    ws.writeTextMessage(frame.toString());
  }

  private void sendError(String message, ArrayNode frame, int status) {
    ObjectNode e = DeviceJson.object().put("message", message).put("status", status);
    e.set("frame", frame);
    send("error", e);
  }

  private static JsonNode devices(List<ObjectNode> list) {
    ObjectNode out = DeviceJson.object();
    out.putArray("devices").addAll(list);
    return out;
  }

  private static Map<String, String> strings(ObjectNode data) {
    Map<String, String> out = new HashMap<>();
    data.properties().forEach(e -> out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
    return out;
  }
}

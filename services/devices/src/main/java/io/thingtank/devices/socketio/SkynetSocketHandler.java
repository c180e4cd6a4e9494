package io.thingtank.devices.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.DeviceHub;
import io.thingtank.devices.hub.Channel;
import io.thingtank.devices.hub.DeviceJson;
import io.thingtank.devices.hub.EventCode;
import io.thingtank.devices.hub.Hub;
import io.thingtank.devices.hub.HubException;
import io.vertx.core.Future;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * SkyNet's socket.io API ({@code lib/socketLogic.js}, 2014, plus Meshblu 2015's token events)
 * for one connected socket: the identify / identity / ready|notReady handshake, every request
 * event answered through its acknowledgement, and server-sent {@code message}, {@code config}
 * and {@code data}. Runs on the socket's context.
 */
public final class SkynetSocketHandler implements SocketIoConnection.Handler {
  private final Hub hub;
  private final String ipAddress;
  private ObjectNode device;
  private DeviceHub.Subscribed own;
  private final Map<String, DeviceHub.Subscribed> subscriptions = new HashMap<>();

  public SkynetSocketHandler(Hub hub, String ipAddress) {
    this.hub = hub;
    this.ipAddress = ipAddress;
  }

  @Override
  public void onConnect(SocketIoConnection socket) {
    hub.events().log(EventCode.SOCKET_CONNECT, DeviceJson.object().put("socketid", socket.id()).put("protocol", "websocket"));
    socket.emit("identify", DeviceJson.object().put("socketid", socket.id()));
  }

  @Override
  public void onDisconnect(SocketIoConnection socket) {
    closeSubscriptions();
    if (device == null) return;
    ObjectNode me = device;
    hub.update(me, me.path("uuid").asText(), DeviceJson.object().put("online", false));
    hub.sendMessage(me, deviceStatus(false));
    hub.events().log(EventCode.DISCONNECT, DeviceJson.object().put("api", "disconnect")
        .put("socketid", socket.id()).put("uuid", me.path("uuid").asText()));
  }

  @Override
  public void onEvent(SocketIoConnection socket, String event, List<JsonNode> args, Consumer<JsonNode> ack) {
    // socketLogic.js: most events are (data, fn); "status" is (fn) alone
    ObjectNode data = !args.isEmpty() && args.get(0) instanceof ObjectNode o ? o.deepCopy() : DeviceJson.object();
    Future<? extends JsonNode> result = switch (event) {
      case "identity" -> identity(socket, data);
      case "authenticate" -> authenticate(socket, data);
      case "register" -> hub.register(data.put("socketid", socket.id()), ipAddress);
      case "status" -> Future.succeededFuture(DeviceJson.object().put("skynet", "online"));
      default -> device == null ? Future.failedFuture(HubException.unauthorized()) : authed(socket, event, data);
    };
    result.onComplete(ar -> {
      if (ack == null) return;
      if (ar.succeeded()) ack.accept(ar.result());
      else ack.accept(error(ar.cause()));
    });
  }

  private Future<? extends JsonNode> authed(SocketIoConnection socket, String event, ObjectNode data) {
    String me = device.path("uuid").asText();
    return switch (event) {
      case "whoami" -> hub.whoami(me);
      case "devices" -> list(hub.query(device, strings(data)));
      case "mydevices" -> list(hub.query(device, Map.of("owner", me)));
      case "localdevices" -> list(hub.query(device, Map.of("ipAddress", ipAddress)));
      case "unclaimeddevices" -> list(hub.query(device, Map.of("ipAddress", ipAddress, "owner", "null")));
      case "claimdevice" -> hub.claim(device, ipAddress, data.path("uuid").asText(),
          data.path("name").asText(null), data.path("token").asText(null))
          .map(r -> (JsonNode) DeviceJson.object().putNull("error").set("results", r));
      case "update" -> hub.update(device, data.path("uuid").asText(me), data);
      case "unregister" -> hub.unregister(device, data.path("uuid").asText(me), data.path("token").asText(null))
          .map(r -> r.put("fromUuid", me));
      case "events" -> events(data);
      case "data" -> hub.saveData(device, data.path("uuid").asText(me), data);
      case "getdata" -> getData(data);
      case "subscribe" -> subscribe(socket, data);
      case "unsubscribe" -> {
        DeviceHub.Subscribed s = subscriptions.remove(data.path("uuid").asText());
        if (s != null) s.close();
        hub.events().log(EventCode.UNSUBSCRIBE, DeviceJson.object().put("fromUuid", me).put("toUuid", data.path("uuid").asText()));
        yield Future.succeededFuture(DeviceJson.object().put("api", "unsubscribe").put("uuid", data.path("uuid").asText()));
      }
      case "message" -> hub.sendMessage(device, data);
      case "resetToken" -> hub.resetToken(device, data.path("uuid").asText(me))
          .map(t -> (JsonNode) DeviceJson.object().put("uuid", data.path("uuid").asText(me)).put("token", t));
      case "generateAndStoreToken" -> hub.generateToken(device, data.path("uuid").asText(me))
          .map(t -> (JsonNode) DeviceJson.object().put("uuid", data.path("uuid").asText(me)).put("token", t));
      case "revokeToken" -> hub.revokeToken(device, data.path("uuid").asText(me), data.path("token").asText(""))
          .map(v -> (JsonNode) DeviceJson.object().put("uuid", data.path("uuid").asText(me)));
      default -> Future.failedFuture(new HubException(404, "Unknown event " + event));
    };
  }

  /** updateSocketId.js: no uuid and no token registers a new device; a uuid needs its token. */
  private Future<JsonNode> identity(SocketIoConnection socket, ObjectNode data) {
    String uuid = data.path("uuid").asText(null);
    String token = data.path("token").asText(null);
    Future<ObjectNode> who;
    boolean registered = uuid == null && token == null;
    if (registered) {
      ObjectNode props = data.deepCopy().put("online", true).put("socketid", socket.id()).put("autoRegister", true);
      who = hub.register(props, ipAddress);
    } else {
      who = hub.authenticate(uuid, token);
    }
    return who.compose(d -> {
      ObjectNode changes = DeviceJson.object().put("online", true).put("socketid", socket.id()).put("ipAddress", ipAddress);
      if (data.hasNonNull("protocol")) changes.set("protocol", data.get("protocol"));
      else changes.put("protocol", "websocket");
      return hub.update(d, d.path("uuid").asText(), changes).map(c -> d);
    }).map(d -> {
      String id = d.path("uuid").asText();
      ready(socket, d, registered ? d.path("token").asText() : token);
      hub.events().log(EventCode.IDENTITY, DeviceJson.object().put("uuid", id).put("socketid", socket.id()).put("status", 201));
      return (JsonNode) DeviceJson.object().put("uuid", id).put("status", 201);
    }).recover(e -> {
      ObjectNode notReady = DeviceJson.object().put("api", "connect").put("status", 401);
      if (uuid == null) notReady.putNull("uuid");
      else notReady.put("uuid", uuid);
      socket.emit("notReady", notReady);
      hub.events().log(EventCode.IDENTITY, DeviceJson.object().put("uuid", uuid).put("status", 401));
      return Future.failedFuture(e);
    });
  }

  /** The device is now this socket's: listen to its own messages and config, announce it online. */
  private void ready(SocketIoConnection socket, ObjectNode d, String token) {
    closeSubscriptions();
    device = d.deepCopy();
    device.remove("token");
    device.put("ipAddress", ipAddress);
    String id = d.path("uuid").asText();
    own = hub.messenger().listen(id, EnumSet.of(Channel.RECEIVED, Channel.CONFIG), del -> socket.emit(del.event(), del.body()));
    ObjectNode ready = DeviceJson.object().put("api", "connect").put("status", 201).put("socketid", socket.id())
        .put("uuid", id).put("token", token);
    socket.emit("ready", ready);
    hub.sendMessage(device, deviceStatus(true));
  }

  private Future<JsonNode> authenticate(SocketIoConnection socket, ObjectNode data) {
    String uuid = data.path("uuid").asText(null);
    return hub.authenticate(uuid, data.path("token").asText(null)).map(d -> {
      ready(socket, d, data.path("token").asText());
      hub.events().log(EventCode.AUTHENTICATE, DeviceJson.object().put("uuid", uuid).put("authentication", true));
      return (JsonNode) DeviceJson.object().put("uuid", uuid).put("authentication", true);
    }).otherwise(e -> DeviceJson.object().put("uuid", uuid).put("authentication", false));
  }

  /** socketLogic.js "events": needs the token of the device whose log is read. */
  private Future<JsonNode> events(ObjectNode data) {
    String uuid = data.path("uuid").asText(device.path("uuid").asText());
    return authorizeFor(uuid, data).compose(d -> hub.eventsOf(d, uuid, 10))
        .map(list -> (JsonNode) wrap("events", list))
        .otherwise(e -> DeviceJson.object().put("api", "events").put("result", false));
  }

  private Future<JsonNode> getData(ObjectNode data) {
    String uuid = data.path("uuid").asText(device.path("uuid").asText());
    int limit = data.path("limit").asInt(10);
    return authorizeFor(uuid, data).compose(d -> hub.data(d, uuid, limit <= 0 ? 10 : Math.min(limit, 1000), Long.MIN_VALUE, Long.MAX_VALUE))
        .map(list -> (JsonNode) wrap("data", list).put("fromUuid", device.path("uuid").asText()))
        .otherwise(e -> DeviceJson.object().put("api", "getdata").put("result", false));
  }

  /** The device a token in {@code data} proves, else this socket's device (whose rights then apply). */
  private Future<ObjectNode> authorizeFor(String uuid, ObjectNode data) {
    String token = data.path("token").asText(null);
    return token == null ? Future.succeededFuture(device) : hub.authenticate(uuid, token);
  }

  /** socketLogic.js "subscribe": with the target's token, all its traffic; without, what permissions allow. */
  private Future<JsonNode> subscribe(SocketIoConnection socket, ObjectNode data) {
    String uuid = data.path("uuid").asText("");
    EnumSet<Channel> wanted = EnumSet.of(Channel.BROADCAST, Channel.RECEIVED, Channel.SENT);
    if (data.path("types").isArray()) {
      wanted.clear();
      for (JsonNode t : data.get("types")) wanted.add(Channel.parse(t.asText()));
    }
    Future<ObjectNode> as = data.hasNonNull("token") ? hub.authenticate(uuid, data.get("token").asText()) : Future.succeededFuture(device);
    hub.events().log(EventCode.SUBSCRIBE, DeviceJson.object().put("fromUuid", device.path("uuid").asText()).put("toUuid", uuid));
    return as.compose(who -> hub.subscribe(who, uuid, wanted, d -> socket.emit(d.event(), d.body()))).map(s -> {
      DeviceHub.Subscribed old = subscriptions.put(uuid, s);
      if (old != null) old.close();
      return (JsonNode) DeviceJson.object().put("api", "subscribe").put("socketid", socket.id())
          .put("fromUuid", device.path("uuid").asText()).put("toUuid", uuid).put("result", true);
    }).otherwise(e -> DeviceJson.object().put("api", "subscribe").put("uuid", uuid).put("result", false)
        .put("error", "unauthorized access"));
  }

  private void closeSubscriptions() {
    if (own != null) own.close();
    own = null;
    subscriptions.values().forEach(DeviceHub.Subscribed::close);
    subscriptions.clear();
  }

  private static ObjectNode deviceStatus(boolean online) {
    ObjectNode m = DeviceJson.object().put("devices", "*").put("topic", "device-status");
    m.putObject("payload").put("online", online);
    return m;
  }

  private static Future<JsonNode> list(Future<List<ObjectNode>> devices) {
    return devices.map(l -> l.isEmpty() ? error(HubException.notFound("Devices not found")) : wrap("devices", l));
  }

  private static ObjectNode wrap(String name, List<ObjectNode> items) {
    ObjectNode out = DeviceJson.object();
    out.putArray(name).addAll(items);
    return out;
  }

  private static Map<String, String> strings(ObjectNode data) {
    Map<String, String> out = new HashMap<>();
    data.properties().forEach(e -> out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
    return out;
  }

  /** SkyNet's error object: {@code {"error": {"message": ..., "code": ...}}}. */
  static ObjectNode error(Throwable t) {
    ObjectNode out = DeviceJson.object();
    out.putObject("error").put("message", t instanceof HubException ? t.getMessage() : "Internal error")
        .put("code", t instanceof HubException h ? h.code() : 500);
    return out;
  }
}

package io.thingtank.devices.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.core.Clock;
import io.thingtank.core.storage.StoreExecutor;
import io.thingtank.devices.DeviceHub;
import io.thingtank.devices.auth.Permissions;
import io.thingtank.devices.store.DeviceStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Message routing ({@code lib/sendMessage.js}): direct messages to each target the sender may
 * send to, broadcasts to whoever subscribed to the sender's broadcasts, copies to "sent"
 * subscribers, plus config changes and sensor data. Every delivery is also handed to the
 * outbound hook (the WAMP bus bridge). Thread-safe; deliveries run on each listener's context.
 */
public final class Messenger {
  private final Hub hub;
  private final DeviceStore store;
  private final StoreExecutor executor;
  private final Clock clock;
  private final EventLog events;
  private final Fanout fanout = new Fanout();
  private volatile Consumer<Delivery> outbound = d -> {};

  Messenger(Hub hub, DeviceStore store, StoreExecutor executor, Clock clock, EventLog events) {
    this.hub = hub;
    this.store = store;
    this.executor = executor;
    this.clock = clock;
    this.events = events;
  }

  /** Every delivery is also given to {@code hook} (on the publishing thread). */
  public void setOutbound(Consumer<Delivery> hook) { this.outbound = hook; }

  /** The {@code devices} of a message as a list: a string, an array, or absent (empty). */
  public static List<String> targets(JsonNode devices) {
    List<String> out = new ArrayList<>();
    if (devices == null || devices.isNull()) return out;
    if (devices.isArray()) devices.forEach(d -> { if (d.isTextual() && !d.asText().isEmpty()) out.add(d.asText()); });
    else if (devices.isTextual() && !devices.asText().isEmpty()) out.add(devices.asText());
    return out;
  }

  /** Routes {@code message} from {@code from}; {@code event} is the socket.io event name receivers get. */
  public Future<ObjectNode> send(ObjectNode from, ObjectNode message, String event) {
    List<String> targets = targets(message.get("devices"));
    if (targets.isEmpty()) return Future.failedFuture(new HubException(422, "Invalid Message Format"));
    String fromUuid = from.path("uuid").asText();
    ObjectNode msg = message.deepCopy();
    msg.remove(List.of("token", "api", "protocol"));
    msg.put("fromUuid", fromUuid);
    boolean broadcast = targets.contains("*") || targets.contains("all");
    if (broadcast) {
      msg.remove("ack");
      publish(new Delivery(event, fromUuid, Channel.BROADCAST, msg));
      events.log(EventCode.MESSAGE, msg);
    }
    publish(new Delivery(event, fromUuid, Channel.SENT, msg));
    List<Future<?>> direct = new ArrayList<>();
    for (String t : new LinkedHashSet<>(targets)) {
      if (t.equals("*") || t.equals("all")) continue;
      direct.add(hub.find(t).onSuccess(found -> found.ifPresent(to -> {
        ObjectNode logged = msg.deepCopy().put("toUuid", t);
        if (Permissions.canSend(from, to)) {
          publish(new Delivery(event, t, Channel.RECEIVED, msg));
        } else {
          logged.put("UNAUTHORIZED", true);
        }
        events.log(EventCode.MESSAGE, logged);
      })));
    }
    return Future.join(direct).map(msg);
  }

  /** A message that arrived from the WAMP bus for {@code uuid}: delivered as it came. */
  public void deliverFromBus(String uuid, ObjectNode message) {
    fanout.publish(new Delivery("message", uuid, Channel.RECEIVED, message));
  }

  void configChanged(ObjectNode device) {
    ObjectNode body = device.deepCopy();
    body.remove("token");
    publish(new Delivery("config", device.path("uuid").asText(), Channel.CONFIG, body));
  }

  /** logData.js: stores {@code data} (values as strings) for {@code uuid} and broadcasts it. */
  public Future<ObjectNode> saveData(ObjectNode from, String uuid, ObjectNode data) {
    return hub.require(uuid).compose(to -> {
      if (!Permissions.canConfigure(from, to)) return Future.failedFuture(HubException.unauthorized());
      ObjectNode record = DeviceJson.object();
      for (Map.Entry<String, JsonNode> e : data.properties()) {
        if (e.getKey().equals("token")) continue;
        record.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
      }
      record.put("uuid", uuid);
      record.put("timestamp", DeviceJson.isoTime(clock.millis()));
      return executor.submit(uuid, () -> {
        store.appendData(uuid, record);
        return record;
      });
    }).onSuccess(record -> {
      events.log(EventCode.DATA, record);
      publish(new Delivery("data", uuid, Channel.DATA, record));
      ObjectNode msg = DeviceJson.object();
      msg.put("devices", "*");
      msg.set("payload", record);
      send(from, msg, "message");
    });
  }

  /** getData.js: newest records first; needs the right to receive the device's broadcasts. */
  public Future<List<ObjectNode>> data(ObjectNode from, String uuid, int limit, long fromMillis, long toMillis) {
    return hub.require(uuid).compose(to -> {
      if (!Permissions.canReceive(from, to)) return Future.failedFuture(HubException.unauthorized());
      return executor.submit(uuid, () -> store.data(uuid, limit, fromMillis, toMillis));
    }).onSuccess(list -> events.log(EventCode.GET_DATA, DeviceJson.object().put("uuid", uuid)
        .put("fromUuid", from.path("uuid").asText())));
  }

  /**
   * Subscribes to {@code uuid}'s channels that {@code who} may hear: broadcasts and data need
   * the receive right, the device's private traffic (received, sent, config) the receiveAs
   * right. Fails with 401 if none remains.
   */
  public Future<DeviceHub.Subscribed> subscribe(ObjectNode who, String uuid, Set<Channel> wanted, Consumer<Delivery> sink) {
    return hub.require(uuid).compose(to -> {
      Set<Channel> allowed = EnumSet.noneOf(Channel.class);
      for (Channel c : wanted) {
        boolean ok = switch (c) {
          case BROADCAST, DATA -> Permissions.canReceive(who, to);
          case RECEIVED, SENT, CONFIG -> Permissions.canReceiveAs(who, to);
        };
        if (ok) allowed.add(c);
      }
      if (allowed.isEmpty()) return Future.failedFuture(HubException.unauthorized());
      return Future.succeededFuture(listen(uuid, allowed, sink));
    });
  }

  /** Registers {@code sink} without permission checks (a device listening to itself). */
  public DeviceHub.Subscribed listen(String uuid, Set<Channel> channels, Consumer<Delivery> sink) {
    Listener l = new Listener(Vertx.currentContext(), sink);
    for (Channel c : channels) fanout.add(uuid, c, l);
    Set<Channel> copy = Set.copyOf(channels);
    return new DeviceHub.Subscribed() {
      @Override public Set<Channel> channels() { return copy; }

      @Override public void close() { for (Channel c : copy) fanout.remove(uuid, c, l); }
    };
  }

  /** Opens {@code who}'s stored v2 subscriptions; ones it is no longer allowed are skipped. */
  public Future<List<DeviceHub.Subscribed>> storedSubscriptions(ObjectNode who, Consumer<Delivery> sink) {
    String uuid = who.path("uuid").asText();
    return executor.submit(uuid, () -> store.subscriptions(uuid)).compose(list -> {
      List<Future<DeviceHub.Subscribed>> opened = new ArrayList<>();
      for (var s : list) {
        opened.add(subscribe(who, s.emitterUuid(), EnumSet.of(Channel.parse(s.type())), sink)
            .recover(e -> Future.succeededFuture(null)));
      }
      return Future.all(opened).map(cf -> {
        List<DeviceHub.Subscribed> out = new ArrayList<>();
        for (Future<DeviceHub.Subscribed> f : opened) if (f.result() != null) out.add(f.result());
        return out;
      });
    });
  }

  private void publish(Delivery d) {
    fanout.publish(d);
    outbound.accept(d);
  }
}

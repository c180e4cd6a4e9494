package io.thingtank.devices.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.core.Clock;
import io.thingtank.core.Ids;
import io.thingtank.core.storage.StoreExecutor;
import io.thingtank.devices.DeviceHub;
import io.thingtank.devices.auth.Permissions;
import io.thingtank.devices.auth.TokenHasher;
import io.thingtank.devices.store.DeviceStore;
import io.thingtank.devices.store.StoredToken;
import io.thingtank.devices.store.Subscription;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The device registry: authentication, registration, updates, queries, claiming, tokens and
 * the event log; messaging is delegated to {@link Messenger}. Store work runs on the store
 * executor keyed by device uuid (so one device's changes apply in order); results complete on
 * the caller's context. Thread-safe.
 */
public final class Hub implements DeviceHub {
  private final DeviceStore store;
  private final StoreExecutor executor;
  private final Clock clock;
  private final TokenHasher tokens;
  private final Ids ids;
  private final EventLog events;
  private final Messenger messenger;

  public Hub(DeviceStore store, StoreExecutor executor, Clock clock, Ids ids) {
    this.ids = ids;
    this.tokens = new TokenHasher(ids);
    this.store = store;
    this.executor = executor;
    this.clock = clock;
    this.events = new EventLog(store, executor, clock);
    this.messenger = new Messenger(this, store, executor, clock, events);
  }

  public EventLog events() { return events; }

  public Messenger messenger() { return messenger; }

  /** The stored device or empty; blocking part runs on the device's stripe. */
  public Future<Optional<ObjectNode>> find(String uuid) {
    if (uuid == null || uuid.isEmpty()) return Future.succeededFuture(Optional.empty());
    return executor.submit(uuid, () -> store.device(uuid));
  }

  /** The stored device or a 404 with SkyNet's whoAmI message. */
  public Future<ObjectNode> require(String uuid) {
    return find(uuid).compose(d -> d.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(HubException.notFound("Device not found"))));
  }

  @Override
  public Future<ObjectNode> authenticate(String uuid, String token) {
    if (uuid == null || token == null || uuid.isEmpty() || token.isEmpty()) {
      return Future.failedFuture(HubException.unauthorized());
    }
    return executor.submit(uuid, () -> {
      Optional<ObjectNode> device = store.device(uuid);
      if (device.isEmpty()) throw HubException.unauthorized();
      boolean ok = false;
      for (StoredToken t : store.tokens(uuid)) ok |= tokens.matches(token, t);
      if (!ok) throw HubException.unauthorized();
      return device.get();
    });
  }

  /** True if {@code token} is one of {@code uuid}'s tokens (never fails). */
  public Future<Boolean> checkToken(String uuid, String token) {
    return authenticate(uuid, token).map(d -> true).otherwise(false);
  }

  /** GET /authenticate/:uuid: {@link #checkToken}, recorded as event 102 with its outcome. */
  public Future<Boolean> verifyToken(String uuid, String token) {
    return checkToken(uuid, token).onSuccess(ok ->
        events.log(EventCode.AUTHENTICATE, DeviceJson.object().put("uuid", uuid).put("authentication", ok)));
  }

  @Override
  public Future<ObjectNode> register(ObjectNode params, String ipAddress) {
    ObjectNode device = params.deepCopy();
    String token = device.hasNonNull("token") && !device.get("token").asText().isEmpty()
        ? device.get("token").asText() : tokens.newToken();
    String wanted = device.path("uuid").asText("");
    device.remove(List.of("token", "action"));
    device.set("online", onlineOf(device.get("online")));
    device.put("timestamp", DeviceJson.isoTime(clock.millis()));
    if (!device.hasNonNull("ipAddress")) device.put("ipAddress", ipAddress == null ? "" : ipAddress);
    String key = wanted.isEmpty() ? "register" : wanted;
    return executor.submit(key, () -> {
      String uuid = !wanted.isEmpty() && store.device(wanted).isEmpty() ? wanted : ids.uuid();
      device.put("uuid", uuid);
      store.putDevice(uuid, device);
      store.addToken(uuid, tokens.hash(token, clock.millis()));
      ObjectNode answer = device.deepCopy();
      answer.put("token", token);
      return answer;
    }).onSuccess(d -> {
      ObjectNode ev = d.deepCopy();
      events.log(EventCode.REGISTER, ev);
    });
  }

  private static JsonNode onlineOf(JsonNode v) {
    JsonNode c = DeviceJson.coerceOnline(v);
    return c != null && c.isBoolean() ? c : com.fasterxml.jackson.databind.node.BooleanNode.FALSE;
  }

  @Override
  public Future<ObjectNode> whoami(String uuid) {
    return require(uuid).map(d -> DeviceJson.viewedBy(d, d));
  }

  @Override
  public Future<ObjectNode> update(ObjectNode from, String uuid, ObjectNode properties) {
    String target = uuid == null || uuid.isEmpty() ? from.path("uuid").asText() : uuid;
    String token = properties.path("token").asText(null);
    return require(target)
        .compose(to -> Permissions.canConfigure(from, to) ? Future.succeededFuture(true)
            : token == null ? Future.succeededFuture(false) : checkToken(target, token))
        .compose(allowed -> allowed ? applySet(target, properties) : Future.failedFuture(HubException.unauthorized()))
        .onSuccess(changes -> {
          ObjectNode ev = changes.deepCopy();
          ev.put("fromUuid", from.path("uuid").asText());
          events.log(EventCode.UPDATE, ev);
        });
  }

  /** updateDevice.js: $set of the parameters; "" or null unsets. Answers {uuid, changes..., timestamp}. */
  private Future<ObjectNode> applySet(String uuid, ObjectNode properties) {
    ObjectNode changes = DeviceJson.object();
    changes.put("uuid", uuid);
    for (Map.Entry<String, JsonNode> e : properties.properties()) {
      if (DeviceJson.RESERVED.contains(e.getKey())) continue;
      changes.set(e.getKey(), e.getKey().equals("online") ? DeviceJson.coerceOnline(e.getValue()) : e.getValue());
    }
    changes.put("timestamp", DeviceJson.isoTime(clock.millis()));
    return modify(uuid, device -> {
      for (Map.Entry<String, JsonNode> e : changes.properties()) {
        JsonNode v = e.getValue();
        if (v.isNull() || (v.isTextual() && v.asText().isEmpty())) device.remove(e.getKey());
        else device.set(e.getKey(), v);
      }
    }).map(d -> changes);
  }

  /** Read-modify-write of one device on its stripe; tells config subscribers. */
  public Future<ObjectNode> modify(String uuid, Consumer<ObjectNode> change) {
    return executor.submit(uuid, () -> {
      ObjectNode device = store.device(uuid).orElseThrow(() -> HubException.notFound("Device not found"));
      change.accept(device);
      device.put("uuid", uuid);
      device.remove("token");
      store.putDevice(uuid, device);
      return device;
    }).onSuccess(messenger::configChanged);
  }

  /** Meshblu v2 PUT/PATCH: a Mongo-style update document, if {@code from} may configure. */
  public Future<Void> updateWith(ObjectNode from, String uuid, ObjectNode update) {
    return require(uuid).compose(to -> {
      if (!Permissions.canConfigure(from, to)) return Future.failedFuture(new HubException(422, "unauthorized"));
      UpdateOperators.validate(update);
      return modify(uuid, d -> UpdateOperators.apply(d, update)).<Void>mapEmpty()
          .onSuccess(v -> {
            ObjectNode ev = DeviceJson.object().put("uuid", uuid).put("fromUuid", from.path("uuid").asText());
            ev.set("params", update);
            events.log(EventCode.UPDATE, ev);
          });
    });
  }

  /** unregister.js: deletes {@code uuid} if {@code from} may configure it; answers {uuid}. */
  public Future<ObjectNode> unregister(ObjectNode from, String uuid, String token) {
    return require(uuid)
        .compose(to -> Permissions.canConfigure(from, to) ? Future.succeededFuture(true)
            : token == null ? Future.succeededFuture(false) : checkToken(uuid, token))
        .compose(allowed -> {
          if (!allowed) return Future.failedFuture(HubException.unauthorized());
          return executor.submit(uuid, () -> {
            store.deleteDevice(uuid);
            return DeviceJson.object().put("uuid", uuid);
          });
        })
        .onSuccess(r -> {
          events.log(EventCode.UNREGISTER, r.deepCopy().put("fromUuid", from.path("uuid").asText()));
        });
  }

  /** getDevices.js: devices matching every query property that {@code from} may discover, as it may see them. */
  public Future<List<ObjectNode>> query(ObjectNode from, Map<String, String> query) {
    return executor.submit("devices-query", () -> {
      List<ObjectNode> out = new ArrayList<>();
      List<ObjectNode> all = store.devices();
      for (int i = all.size() - 1; i >= 0; i--) {
        ObjectNode d = all.get(i);
        boolean match = true;
        for (Map.Entry<String, String> q : query.entrySet()) {
          if (q.getKey().equals("token")) continue;
          match &= DeviceJson.matches(d, q.getKey(), q.getValue());
        }
        if (match && Permissions.canDiscover(from, d)) out.add(DeviceJson.viewedBy(d, from));
      }
      return out;
    });
  }

  /** Meshblu v2 POST /search/devices: a JSON query of property equalities. */
  public Future<List<ObjectNode>> search(ObjectNode from, ObjectNode query) {
    return executor.submit("devices-query", () -> {
      List<ObjectNode> out = new ArrayList<>();
      for (ObjectNode d : store.devices()) {
        boolean match = true;
        for (Map.Entry<String, JsonNode> q : query.properties()) {
          match &= q.getValue().equals(d.get(q.getKey()));
        }
        if (match && Permissions.canDiscover(from, d)) out.add(DeviceJson.viewedBy(d, from));
      }
      return out;
    });
  }

  /** claimDevice.js as the front ends call it: {@code from}, seen at {@code ipAddress}, claims {@code uuid}. */
  public Future<ObjectNode> claim(ObjectNode from, String ipAddress, String uuid, String name, String token) {
    return claim(from.deepCopy().put("ipAddress", ipAddress), uuid, name, token);
  }

  /** claimDevice.js: sets {@code owner} (and {@code name} if given) on a device {@code from} may claim. */
  public Future<ObjectNode> claim(ObjectNode from, String uuid, String name, String token) {
    return require(uuid)
        .compose(to -> Permissions.canClaim(from, to) ? Future.succeededFuture(true)
            : token == null ? Future.succeededFuture(false) : checkToken(uuid, token))
        .compose(ok -> ok ? modify(uuid, d -> {
          d.put("owner", from.path("uuid").asText());
          if (name != null && !name.isEmpty()) d.put("name", name);
        }) : Future.failedFuture(HubException.unauthorized()))
        .map(d -> DeviceJson.viewedBy(d, from));
  }

  /** The newest {@code limit} events of {@code uuid}, if {@code from} is it or may configure it. */
  public Future<List<ObjectNode>> eventsOf(ObjectNode from, String uuid, int limit) {
    return require(uuid).compose(to -> {
      if (!Permissions.canConfigure(from, to)) return Future.failedFuture(HubException.unauthorized());
      events.log(EventCode.EVENTS, DeviceJson.object().put("fromUuid", from.path("uuid").asText()).put("uuid", uuid));
      return executor.submit("devices-events", () -> store.events(uuid, limit));
    });
  }

  /** resetToken: replaces every token of {@code uuid} with one new token. */
  @Override
  public Future<String> resetToken(ObjectNode from, String uuid) {
    return configurable(from, uuid).compose(to -> executor.submit(uuid, () -> {
      String token = tokens.newToken();
      store.removeTokens(uuid);
      store.addToken(uuid, tokens.hash(token, clock.millis()));
      return token;
    })).onSuccess(t -> tokenEvent(from, uuid, "resetToken"));
  }

  /** generateAndStoreToken: adds a token; the old ones keep working. */
  public Future<String> generateToken(ObjectNode from, String uuid) {
    return configurable(from, uuid).compose(to -> executor.submit(uuid, () -> {
      String token = tokens.newToken();
      store.addToken(uuid, tokens.hash(token, clock.millis()));
      return token;
    })).onSuccess(t -> tokenEvent(from, uuid, "generateAndStoreToken"));
  }

  /** revokeToken: removes {@code token} from {@code uuid}; 404 if it was not one of its tokens. */
  public Future<Void> revokeToken(ObjectNode from, String uuid, String token) {
    return configurable(from, uuid).compose(to -> executor.submit(uuid, () -> {
      boolean found = false;
      for (StoredToken t : store.tokens(uuid)) {
        if (tokens.matches(token, t)) {
          store.removeToken(uuid, t.id());
          found = true;
        }
      }
      if (!found) throw HubException.notFound("Token not found");
      return (Void) null;
    })).onSuccess(v -> tokenEvent(from, uuid, "revokeToken"));
  }

  private void tokenEvent(ObjectNode from, String uuid, String api) {
    events.log(EventCode.TOKEN, DeviceJson.object().put("api", api).put("uuid", uuid)
        .put("fromUuid", from.path("uuid").asText()));
  }

  private Future<ObjectNode> configurable(ObjectNode from, String uuid) {
    return require(uuid).compose(to -> Permissions.canConfigure(from, to)
        ? Future.succeededFuture(to) : Future.failedFuture(HubException.unauthorized()));
  }

  /** Meshblu v2: stores a subscription of {@code subscriber} (which {@code from} must configure). */
  public Future<Void> addSubscription(ObjectNode from, Subscription s) {
    Channel.parse(s.type());
    return configurable(from, s.subscriberUuid()).compose(me -> require(s.emitterUuid()))
        .compose(e -> executor.submit(s.subscriberUuid(), () -> {
          store.putSubscription(s);
          return (Void) null;
        }));
  }

  public Future<Void> removeSubscription(ObjectNode from, Subscription s) {
    return configurable(from, s.subscriberUuid()).compose(me -> executor.submit(s.subscriberUuid(), () -> {
      store.removeSubscription(s);
      return (Void) null;
    }));
  }

  public Future<List<Subscription>> subscriptions(ObjectNode from, String subscriber) {
    return configurable(from, subscriber).compose(me -> executor.submit(subscriber, () -> store.subscriptions(subscriber)));
  }

  @Override
  public Future<ObjectNode> sendMessage(ObjectNode from, ObjectNode message) {
    return messenger.send(from, message, "message");
  }

  @Override
  public Future<ObjectNode> sendMessage(ObjectNode from, ObjectNode message, String event) {
    return messenger.send(from, message, event);
  }

  @Override
  public Future<ObjectNode> saveData(ObjectNode from, String uuid, ObjectNode data) {
    return messenger.saveData(from, uuid, data);
  }

  @Override
  public Future<List<ObjectNode>> data(ObjectNode from, String uuid, int limit, long fromMillis, long toMillis) {
    return messenger.data(from, uuid, limit, fromMillis, toMillis);
  }

  @Override
  public Future<Subscribed> subscribe(ObjectNode who, String uuid, Set<Channel> channels, Consumer<Delivery> sink) {
    return messenger.subscribe(who, uuid, channels, sink);
  }
}

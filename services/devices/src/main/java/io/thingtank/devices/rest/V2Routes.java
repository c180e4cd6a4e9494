package io.thingtank.devices.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.hub.DeviceJson;
import io.thingtank.devices.hub.Hub;
import io.thingtank.devices.hub.HubException;
import io.thingtank.devices.store.Subscription;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Meshblu's later REST API: /v2/whoami, /v2/devices[/:uuid] (GET, PATCH, PUT with update
 * operators), POST /search/devices, and v2 subscriptions. Errors are {@code {"error": ...}};
 * refused updates are 422 as in Meshblu 2015. Event-loop confined.
 */
final class V2Routes extends Routes {
  V2Routes(Hub hub) { super(hub); }

  void mount(Router r) {
    r.get("/v2/whoami").handler(ctx -> v2(ctx, 200, (call, me) -> hub.whoami(me.path("uuid").asText())));
    r.get("/v2/devices").handler(ctx -> v2(ctx, 200, (call, me) -> hub.query(me, call.queryMap())));
    r.get("/v2/devices/:uuid").handler(ctx -> v2(ctx, 200, (call, me) ->
        hub.query(me, Map.of("uuid", call.path("uuid"))).compose(list -> list.isEmpty()
            ? Future.failedFuture(new HubException(404, "Device not found"))
            : Future.succeededFuture(list.get(0)))));
    r.patch("/v2/devices/:uuid").handler(ctx -> v2(ctx, 204, (call, me) -> {
      ObjectNode set = DeviceJson.object();
      set.set("$set", call.body());
      return hub.updateWith(me, call.path("uuid"), set);
    }));
    r.put("/v2/devices/:uuid").handler(ctx -> v2(ctx, 204, (call, me) -> hub.updateWith(me, call.path("uuid"), call.body())));
    r.post("/search/devices").handler(ctx -> v2(ctx, 200, (call, me) -> hub.search(me, call.body())));
    r.get("/v2/devices/:uuid/subscriptions").handler(ctx -> v2(ctx, 200, (call, me) ->
        hub.subscriptions(me, call.path("uuid")).map(V2Routes::render)));
    r.post("/v2/devices/:uuid/subscriptions/:targetUuid/:type").handler(ctx -> v2(ctx, 204, (call, me) ->
        hub.addSubscription(me, subscription(call))));
    r.delete("/v2/devices/:uuid/subscriptions/:targetUuid/:type").handler(ctx -> v2(ctx, 204, (call, me) ->
        hub.removeSubscription(me, subscription(call))));
  }

  private static Subscription subscription(HttpCall call) {
    return new Subscription(call.path("uuid"), call.path("targetUuid"), call.path("type"));
  }

  private static List<Map<String, String>> render(List<Subscription> list) {
    return list.stream().map(s -> Map.of("subscriberUuid", s.subscriberUuid(),
        "emitterUuid", s.emitterUuid(), "type", s.type())).toList();
  }

  /** Authenticated v2 call: 401 {"error":"unauthorized"}; failures as {"error": message}. */
  private void v2(RoutingContext ctx, int status, BiFunction<HttpCall, ObjectNode, Future<?>> action) {
    authed(ctx, (call, me) -> {
      Future<?> f;
      try {
        f = action.apply(call, me);
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      f.onComplete(ar -> {
        if (ar.failed()) call.failV2(ar.cause());
        else if (status == 204) call.noContent();
        else call.json(status, ar.result());
      });
    });
  }
}

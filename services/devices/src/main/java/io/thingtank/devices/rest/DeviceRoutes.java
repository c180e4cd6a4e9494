package io.thingtank.devices.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.hub.DeviceJson;
import io.thingtank.devices.hub.EventCode;
import io.thingtank.devices.hub.Hub;
import io.thingtank.devices.hub.HubException;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.Map;

/**
 * SkyNet 2014 device routes ({@code lib/setupHttpRoutes.js}) and Meshblu 2015's token routes:
 * status, ipaddress, devices CRUD and queries, mydevices, localdevices, claimdevice,
 * authenticate, publickey, token reset/create/revoke. Event-loop confined.
 */
final class DeviceRoutes extends Routes {
  DeviceRoutes(Hub hub) { super(hub); }

  void mount(Router r) {
    r.get("/status").handler(ctx -> {
      hub.events().log(EventCode.STATUS, DeviceJson.object());
      new HttpCall(ctx).json(200, Map.of("skynet", "online"));
    });
    r.get("/ipaddress").handler(ctx -> new HttpCall(ctx).json(200, Map.of("ipAddress", new HttpCall(ctx).remoteAddress())));
    r.post("/devices").handler(ctx -> {
      HttpCall call = new HttpCall(ctx);
      try {
        ObjectNode params = call.params();
        hub.register(params, call.remoteAddress()).onComplete(ar -> {
          if (ar.succeeded()) call.json(201, ar.result());
          else call.fail(ar.cause());
        });
      } catch (RuntimeException e) {
        call.fail(e);
      }
    });
    r.get("/devices").handler(ctx -> answer(ctx, 200, (call, me) -> devices(me, call.queryMap())));
    r.get("/devices/:uuid").handler(ctx -> answer(ctx, 200,
        (call, me) -> devices(me, Map.of("uuid", call.path("uuid")))));
    r.get("/mydevices").handler(ctx -> answer(ctx, 200,
        (call, me) -> devices(me, Map.of("owner", me.path("uuid").asText()))));
    r.get("/localdevices").handler(ctx -> answer(ctx, 200, (call, me) -> devices(me,
        Map.of("ipAddress", call.remoteAddress()))));
    r.get("/unclaimeddevices").handler(ctx -> answer(ctx, 200, (call, me) -> devices(me,
        Map.of("ipAddress", call.remoteAddress(), "owner", "null"))));
    r.put("/devices/:uuid").handler(ctx -> answer(ctx, 200,
        (call, me) -> hub.update(me, call.path("uuid"), call.params())));
    r.delete("/devices/:uuid").handler(ctx -> answer(ctx, 200,
        (call, me) -> hub.unregister(me, call.path("uuid"), call.params().path("token").asText(null))));
    r.put("/claimdevice/:uuid").handler(ctx -> answer(ctx, 200, (call, me) -> {
      ObjectNode p = call.params();
      return hub.claim(me, call.remoteAddress(), call.path("uuid"), p.path("name").asText(null), p.path("token").asText(null));
    }));
    r.get("/authenticate/:uuid").handler(ctx -> {
      HttpCall call = new HttpCall(ctx);
      String uuid = call.path("uuid");
      String token = call.params().path("token").asText(null);
      hub.verifyToken(uuid, token).onSuccess(ok -> {
        call.json(ok ? 200 : 404, Map.of("uuid", uuid, "authentication", ok));
      });
    });
    r.get("/devices/:uuid/publickey").handler(ctx -> {
      HttpCall call = new HttpCall(ctx);
      hub.require(call.path("uuid")).onComplete(ar -> {
        if (ar.failed()) call.fail(ar.cause());
        else call.json(200, DeviceJson.object().set("publicKey", ar.result().get("publicKey")));
      });
    });
    r.post("/devices/:uuid/token").handler(ctx -> answer(ctx, 201, (call, me) ->
        hub.resetToken(me, call.path("uuid")).map(t -> Map.of("uuid", call.path("uuid"), "token", t))));
    r.post("/devices/:uuid/tokens").handler(ctx -> answer(ctx, 200, (call, me) ->
        hub.generateToken(me, call.path("uuid")).map(t -> Map.of("uuid", call.path("uuid"), "token", t))));
    r.delete("/devices/:uuid/tokens/:token").handler(ctx -> authed(ctx, (call, me) ->
        hub.revokeToken(me, call.path("uuid"), call.path("token")).onComplete(ar -> {
          if (ar.succeeded()) call.noContent();
          else call.fail(ar.cause());
        })));
  }

  /** getDevices.js: {@code {"devices": [...]}}, or 404 "Devices not found" when nothing matches at all. */
  private Future<ObjectNode> devices(ObjectNode me, Map<String, String> query) {
    return hub.query(me, query).compose(list -> {
      if (list.isEmpty()) return Future.failedFuture(HubException.notFound("Devices not found"));
      ObjectNode out = DeviceJson.object();
      out.putArray("devices").addAll(list);
      hub.events().log(EventCode.DEVICES, DeviceJson.object().put("fromUuid", me.path("uuid").asText()));
      return Future.succeededFuture(out);
    });
  }
}

package io.thingtank.devices.coap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.hub.DeviceJson;
import io.thingtank.devices.hub.Hub;
import io.thingtank.devices.hub.HubException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;

/**
 * SkyNet's CoAP routes under one first path segment ({@code status}, {@code devices},
 * {@code messages}, ...): deeper segments resolve to this same resource, which routes on the
 * whole path. Requests hop from Californium's threads to the hub's Vert.x context.
 */
final class CoapRoutes extends CoapResource {
  private final Hub hub;
  private final Context context;

  CoapRoutes(String name, Hub hub, Context context) {
    super(name);
    this.hub = hub;
    this.context = context;
  }

  @Override public Resource getChild(String name) { return this; }

  @Override public void handleGET(CoapExchange ex) { dispatch(ex, "GET"); }

  @Override public void handlePOST(CoapExchange ex) { dispatch(ex, "POST"); }

  @Override public void handlePUT(CoapExchange ex) { dispatch(ex, "PUT"); }

  @Override public void handleDELETE(CoapExchange ex) { dispatch(ex, "DELETE"); }

  private void dispatch(CoapExchange ex, String method) {
    CoapCall call = new CoapCall(ex);
    context.runOnContext(v -> {
      try {
        route(call, method, call.path());
      } catch (RuntimeException e) {
        call.fail(e);
      }
    });
  }

  private void route(CoapCall call, String method, List<String> p) {
    String first = p.get(0);
    String id = p.size() > 1 ? p.get(1) : null;
    switch (method + " " + first + (id == null ? "" : " :uuid")) {
      case "GET status" -> call.json(ResponseCode.CONTENT, Map.of("skynet", "online"));
      case "GET ipaddress" -> call.json(ResponseCode.CONTENT, Map.of("ipAddress", call.remoteAddress()));
      case "POST devices" -> answer(call, ResponseCode.CREATED, hub.register(call.params(), call.remoteAddress()));
      case "GET devices" -> authed(call, me -> devices(me, call.query()));
      case "GET devices :uuid" -> authed(call, me -> devices(me, Map.of("uuid", id)));
      case "PUT devices :uuid" -> authed(call, me -> hub.update(me, id, call.params()));
      case "DELETE devices :uuid" -> authed(call, me -> hub.unregister(me, id, call.params().path("token").asText(null)));
      case "GET mydevices" -> authed(call, me -> devices(me, Map.of("owner", me.path("uuid").asText())));
      case "GET localdevices" -> authed(call, me -> devices(me, Map.of("ipAddress", call.remoteAddress())));
      case "PUT claimdevice :uuid" -> authed(call, me -> {
        ObjectNode params = call.params();
        return hub.claim(me, call.remoteAddress(), id, params.path("name").asText(null), params.path("token").asText(null));
      });
      case "GET authenticate :uuid" -> hub.verifyToken(id, call.params().path("token").asText(null)).onSuccess(ok ->
          call.json(ok ? ResponseCode.CONTENT : ResponseCode.NOT_FOUND, Map.of("uuid", id, "authentication", ok)));
      case "GET events :uuid" -> authed(call, me -> hub.eventsOf(me, id, 10).map(l -> wrap("events", l)));
      case "POST data :uuid" -> authed(call, me -> hub.saveData(me, id, call.params()));
      case "GET data :uuid" -> authed(call, me -> hub.data(me, id, 10, Long.MIN_VALUE, Long.MAX_VALUE).map(l -> wrap("data", l)));
      case "POST messages" -> authed(call, me -> hub.sendMessage(me, call.params()));
      default -> call.json(ResponseCode.NOT_FOUND, Map.of("message", "/" + String.join("/", p) + " does not exist", "code", 404));
    }
  }

  private void authed(CoapCall call, Function<ObjectNode, Future<?>> action) {
    String[] cred = call.credentials();
    answer(call, ResponseCode.CONTENT, hub.authenticate(cred[0], cred[1]).compose(action::apply));
  }

  private static void answer(CoapCall call, ResponseCode ok, Future<?> f) {
    f.onComplete(ar -> {
      if (ar.succeeded()) call.json(ok, ar.result());
      else call.fail(ar.cause());
    });
  }

  private Future<ObjectNode> devices(ObjectNode me, Map<String, String> query) {
    return hub.query(me, query).compose(l -> l.isEmpty()
        ? Future.failedFuture(HubException.notFound("Devices not found")) : Future.succeededFuture(wrap("devices", l)));
  }

  private static ObjectNode wrap(String name, List<ObjectNode> items) {
    ObjectNode out = DeviceJson.object();
    out.putArray(name).addAll(items);
    return out;
  }
}

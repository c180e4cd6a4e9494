package io.thingtank.devices.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.DeviceHub;
import io.thingtank.devices.hub.Channel;
import io.thingtank.devices.hub.Delivery;
import io.thingtank.devices.hub.DeviceJson;
import io.thingtank.devices.hub.EventCode;
import io.thingtank.devices.hub.Hub;
import io.thingtank.devices.hub.HubException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;

/**
 * Messaging routes: POST /messages, the event log GET /events/:uuid, sensor data POST/GET
 * /data/:uuid, and the streaming subscriptions GET /subscribe[/:uuid[/broadcast|received|sent]]
 * (Meshblu 2015 {@code subscribeAndForward}: one JSON object per line, never closed by the
 * server). Event-loop confined.
 */
final class MessageRoutes extends Routes {
  MessageRoutes(Hub hub) { super(hub); }

  void mount(Router r) {
    r.post("/messages").handler(ctx -> answer(ctx, 200, (call, me) -> hub.sendMessage(me, call.params())));
    r.get("/events/:uuid").handler(ctx -> answer(ctx, 200, (call, me) ->
        hub.eventsOf(me, call.path("uuid"), Math.min(1000, intParam(call.query("limit"), 10))).compose(list -> {
          if (list.isEmpty()) return Future.failedFuture(HubException.notFound("Events not found"));
          ObjectNode out = DeviceJson.object();
          out.putArray("events").addAll(list);
          return Future.succeededFuture(out);
        })));
    r.post("/data/:uuid").handler(ctx -> answer(ctx, 200, (call, me) -> {
      ObjectNode data = call.params();
      data.put("ipAddress", call.remoteAddress());
      return hub.saveData(me, call.path("uuid"), data);
    }));
    r.get("/data/:uuid").handler(ctx -> {
      if (ctx.request().getParam("stream") != null) {
        stream(EnumSet.of(Channel.DATA), ctx);
        return;
      }
      answer(ctx, 200, (call, me) -> {
        long from = time(call.query("start"), Long.MIN_VALUE);
        long to = time(call.query("finish"), Long.MAX_VALUE);
        return hub.data(me, call.path("uuid"), Math.min(1000, intParam(call.query("limit"), 10)), from, to)
            .compose(list -> {
              if (list.isEmpty()) return Future.failedFuture(HubException.notFound("Data not found"));
              ObjectNode out = DeviceJson.object();
              out.putArray("data").addAll(list);
              return Future.succeededFuture(out);
            });
      });
    });
    r.get("/subscribe/:uuid").handler(ctx -> stream(null, ctx));
    r.get("/subscribe/:uuid/broadcast").handler(ctx -> stream(EnumSet.of(Channel.BROADCAST), ctx));
    r.get("/subscribe/:uuid/received").handler(ctx -> stream(EnumSet.of(Channel.RECEIVED), ctx));
    r.get("/subscribe/:uuid/sent").handler(ctx -> stream(EnumSet.of(Channel.SENT), ctx));
    r.get("/subscribe").handler(ctx -> stream(null, ctx));
  }

  /**
   * Streams deliveries to the response until the client goes away. {@code channels == null}
   * means every channel the caller may hear ("broadcast" always, private traffic only with
   * the receiveAs right); for GET /subscribe without a uuid, the caller's own messages plus
   * its stored v2 subscriptions.
   */
  private void stream(Set<Channel> channels, io.vertx.ext.web.RoutingContext ctx) {
    authed(ctx, (call, me) -> {
      String uuid = call.path("uuid") != null ? call.path("uuid") : me.path("uuid").asText();
      hub.events().log(EventCode.SUBSCRIBE, DeviceJson.object().put("fromUuid", me.path("uuid").asText()).put("toUuid", uuid));
      HttpServerResponse res = ctx.response();
      List<DeviceHub.Subscribed> subs = new ArrayList<>();
      Set<Channel> wanted = channels != null ? channels
          : EnumSet.of(Channel.BROADCAST, Channel.RECEIVED, Channel.SENT);
      StreamSink sink = new StreamSink(ctx.request());
      Future<?> opened = hub.subscribe(me, uuid, wanted, sink).onSuccess(subs::add);
      if (call.path("uuid") == null) {
        opened = opened.compose(s -> hub.messenger().storedSubscriptions(me, sink))
            .onSuccess(subs::addAll);
      }
      opened.onComplete(ar -> {
        if (ar.failed()) {
          subs.forEach(DeviceHub.Subscribed::close);
          call.fail(ar.cause());
          return;
        }
        res.setChunked(true).putHeader("content-type", "application/json");
        if (ctx.request().version() != HttpVersion.HTTP_2) res.putHeader("Connection", "keep-alive");
        res.writeHead();
        res.closeHandler(v -> subs.forEach(DeviceHub.Subscribed::close));
        res.exceptionHandler(e -> subs.forEach(DeviceHub.Subscribed::close));
      });
    });
  }

  /**
   * Writes deliveries to one streaming response. Bytes not yet taken by the socket are counted
   * (a write's future completes once flushed); past {@link #MAX_PENDING} the subscriber is
   * not reading, and it is cut off rather than buffered without bound. Event-loop confined.
   */
  private static final class StreamSink implements Consumer<Delivery> {
    private static final long MAX_PENDING = 1024 * 1024;
    private final HttpServerRequest req;
    private long pending;
    private boolean hungUp;

    StreamSink(HttpServerRequest req) { this.req = req; }

    @Override
    public void accept(Delivery d) {
      HttpServerResponse res = req.response();
      if (hungUp || res.ended() || res.closed()) return;
      try {
        if (pending > MAX_PENDING) throw new IllegalStateException("slow subscriber");
        Buffer line = Buffer.buffer(HttpCall.JSON.writeValueAsBytes(d.body())).appendByte((byte) '\n');
        pending += line.length();
        res.write(line).onComplete(ar -> pending -= line.length());
      } catch (JsonProcessingException | IllegalStateException e) {
        hungUp = true;
        if (req.version() == HttpVersion.HTTP_2) res.reset();
        else req.connection().shutdown(100, TimeUnit.MILLISECONDS); // graceful close would wait for the endless response
      }
    }
  }

  private static long time(String iso, long fallback) {
    if (iso == null || iso.isEmpty()) return fallback;
    try {
      return Instant.parse(iso).toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return Long.parseLong(iso);
      } catch (NumberFormatException ignored) {
        throw new HubException(400, "Invalid time " + iso);
      }
    }
  }
}

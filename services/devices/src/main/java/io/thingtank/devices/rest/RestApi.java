package io.thingtank.devices.rest;

import io.thingtank.devices.hub.Hub;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;

/**
 * The REST router of the device hub: SkyNet 2014 routes, Meshblu 2015 token routes and
 * Meshblu v2 routes. Bodies over {@link #MAX_BODY} bytes get 413; unknown routes restify's
 * 404 {@code {"code":"ResourceNotFound", ...}}. One router per listener instance.
 */
public final class RestApi {
  public static final long MAX_BODY = 1024 * 1024;

  private RestApi() {}

  public static Router router(Vertx vertx, Hub hub) {
    Router r = Router.router(vertx);
    r.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
    new DeviceRoutes(hub).mount(r);
    new MessageRoutes(hub).mount(r);
    new V2Routes(hub).mount(r);
    r.errorHandler(404, ctx -> new HttpCall(ctx).json(404,
        Map.of("code", "ResourceNotFound", "message", ctx.request().path() + " does not exist")));
    r.errorHandler(405, ctx -> new HttpCall(ctx).json(405,
        Map.of("code", "MethodNotAllowed", "message", ctx.request().method() + " is not allowed")));
    r.errorHandler(413, ctx -> new HttpCall(ctx).json(413,
        Map.of("message", "Request Entity Too Large", "code", 413)));
    r.errorHandler(400, ctx -> new HttpCall(ctx).json(400, Map.of("message", "Bad Request", "code", 400)));
    r.errorHandler(500, ctx -> new HttpCall(ctx).json(500, Map.of("message", "Internal error", "code", 500)));
    return r;
  }
}

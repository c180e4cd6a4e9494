package io.thingtank.devices.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.hub.Hub;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/** Plumbing shared by the route groups: authenticate, run, render. Event-loop confined. */
abstract class Routes {
  protected final Hub hub;

  Routes(Hub hub) { this.hub = hub; }

  /** Runs {@code action} for the authenticated caller (or the device it acts as, {@link ActingAs}); SkyNet's 401 otherwise. */
  protected void authed(RoutingContext ctx, BiConsumer<HttpCall, ObjectNode> action) {
    HttpCall call = new HttpCall(ctx);
    try {
      String[] cred = call.credentials();
      hub.authenticate(cred[0], cred[1]).compose(me -> ActingAs.resolve(hub, ctx.request(), me)).onComplete(ar -> {
        if (ar.failed()) {
          call.fail(ar.cause());
          return;
        }
        try {
          action.accept(call, ar.result());
        } catch (RuntimeException e) {
          call.fail(e);
        }
      });
    } catch (RuntimeException e) {
      call.fail(e);
    }
  }

  /** Authenticated, answering the future's value with {@code status} (2014 error shapes). */
  protected void answer(RoutingContext ctx, int status, BiFunction<HttpCall, ObjectNode, Future<?>> action) {
    authed(ctx, (call, me) -> action.apply(call, me).onComplete(ar -> {
      if (ar.succeeded()) call.json(status, ar.result());
      else call.fail(ar.cause());
    }));
  }

  protected static int intParam(String value, int fallback) {
    if (value == null) return fallback;
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}

package io.thingtank.devices.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.auth.Permissions;
import io.thingtank.devices.hub.Hub;
import io.thingtank.devices.hub.HubException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.BiPredicate;

/**
 * Meshblu's {@code x-meshblu-as} (older {@code x-as}) header: the authenticated device acts as
 * another, which must list it in the {@code *AsWhitelist} for the kind of request: GET /subscribe
 * receiveAs, POST /messages sendAs, other reads and POST /search/devices discoverAs, all other
 * writes configureAs. Refused with 403 (also when the device does not exist). Event-loop confined.
 */
final class ActingAs {
  private ActingAs() {}

  /** The device the request runs as: {@code me}, or the one named in the header if {@code me} may act as it. */
  static Future<ObjectNode> resolve(Hub hub, HttpServerRequest request, ObjectNode me) {
    String as = request.getHeader("x-meshblu-as");
    if (as == null) as = request.getHeader("x-as");
    if (as == null || as.isBlank() || as.trim().equals(me.path("uuid").asText())) return Future.succeededFuture(me);
    BiPredicate<ObjectNode, ObjectNode> right = right(request.method(), request.path());
    return hub.find(as.trim()).compose(found -> found.isPresent() && right.test(me, found.get())
        ? Future.succeededFuture(found.get())
        : Future.failedFuture(new HubException(403, "Forbidden")));
  }

  private static BiPredicate<ObjectNode, ObjectNode> right(HttpMethod method, String path) {
    if (path.startsWith("/subscribe")) return Permissions::canReceiveAs;
    if (method == HttpMethod.POST && path.equals("/messages")) return Permissions::canSendAs;
    if (method == HttpMethod.GET || method == HttpMethod.HEAD || path.equals("/search/devices")) {
      return Permissions::canDiscoverAs;
    }
    return Permissions::canConfigureAs;
  }
}

package io.thingtank.core.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/**
 * A part of the web port (8080) that a module serves: every request whose path starts with
 * {@code pathPrefix} (longest prefix wins), including WebSocket upgrades, which the handler
 * accepts with {@code request.toWebSocket()}. The listed WebSocket sub-protocols are offered
 * by the shared server (WAMP's {@code wamp.2.json}, MQTT's {@code mqtt}, ...).
 */
public record WebMount(String pathPrefix, List<String> webSocketSubProtocols, Handler<HttpServerRequest> handler) {
}

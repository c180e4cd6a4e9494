package io.thingtank.devices.coap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.hub.DeviceJson;
import io.thingtank.devices.hub.HubException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.option.StringOptionDefinition;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * One CoAP request as SkyNet's CoAP router saw it ({@code lib/setupCoapRoutes.js}, 2014):
 * credentials in options 98 (uuid) and 99 (token) or in the {@code uuid}/{@code token} query,
 * a JSON or form payload merged with the query, and JSON answers with CoAP response codes.
 * Thread-safe (Californium may respond from any thread).
 */
final class CoapCall {
  /** SkyNet's private options: 98 = device uuid, 99 = token. */
  static final StringOptionDefinition UUID_OPTION = new StringOptionDefinition(98, "Skynet-UUID", true, 0, 64);
  static final StringOptionDefinition TOKEN_OPTION = new StringOptionDefinition(99, "Skynet-Token", true, 0, 256);
  private static final ObjectMapper JSON = new ObjectMapper();
  final CoapExchange exchange;

  CoapCall(CoapExchange exchange) { this.exchange = exchange; }

  List<String> path() { return exchange.getRequestOptions().getUriPath(); }

  Map<String, String> query() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String q : exchange.getRequestOptions().getUriQuery()) {
      int eq = q.indexOf('=');
      out.putIfAbsent(eq < 0 ? q : q.substring(0, eq), eq < 0 ? "" : q.substring(eq + 1));
    }
    return out;
  }

  /** The payload (JSON object or form) over the query parameters; 4.00 if it is neither. */
  ObjectNode params() {
    ObjectNode out = DeviceJson.object();
    query().forEach(out::put);
    String text = exchange.getRequestText() == null ? "" : exchange.getRequestText().trim();
    if (text.isEmpty()) return out;
    if (text.startsWith("{")) {
      try {
        JsonNode n = JSON.readTree(text);
        if (n instanceof ObjectNode o) {
          out.setAll(o);
          return out;
        }
      } catch (JsonProcessingException e) {
        throw new HubException(400, "Invalid JSON");
      }
      throw new HubException(400, "Invalid JSON");
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      try {
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        if (!k.isEmpty()) out.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new HubException(400, "Invalid form encoding");
      }
    }
    return out;
  }

  String[] credentials() {
    Option u = exchange.getRequestOptions().getOtherOption(UUID_OPTION);
    Option t = exchange.getRequestOptions().getOtherOption(TOKEN_OPTION);
    Map<String, String> q = query();
    return new String[] {u != null ? u.getStringValue() : q.get("uuid"), t != null ? t.getStringValue() : q.get("token")};
  }

  String remoteAddress() { return exchange.getSourceAddress().getHostAddress(); }

  void json(ResponseCode code, Object value) {
    try {
      exchange.respond(code, JSON.writeValueAsString(value), MediaTypeRegistry.APPLICATION_JSON);
    } catch (JsonProcessingException e) {
      exchange.respond(ResponseCode.INTERNAL_SERVER_ERROR);
    }
  }

  /** SkyNet's CoAP errorResponse: the error object with the matching response code. */
  void fail(Throwable t) {
    int code = t instanceof HubException h ? h.code() : 500;
    Object body = code == 401 ? Map.of("error", "unauthorized")
        : Map.of("message", t instanceof HubException ? t.getMessage() : "Internal error", "code", code);
    json(codeOf(code), body);
  }

  static ResponseCode codeOf(int http) {
    return switch (http) {
      case 400 -> ResponseCode.BAD_REQUEST;
      case 401 -> ResponseCode.UNAUTHORIZED;
      case 403 -> ResponseCode.FORBIDDEN;
      case 404 -> ResponseCode.NOT_FOUND;
      case 413 -> ResponseCode.REQUEST_ENTITY_TOO_LARGE;
      case 422 -> ResponseCode.UNPROCESSABLE_ENTITY;
      default -> ResponseCode.INTERNAL_SERVER_ERROR;
    };
  }
}

package io.thingtank.devices.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.hub.DeviceJson;
import io.thingtank.devices.hub.HubException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One REST request as SkyNet's restify saw it: query, body (JSON, or a form even when the
 * client sent JSON with a form content type, as SkyNet's curl examples do) and path
 * parameters merged into one object; the caller's uuid/token from any of the four header
 * styles; and SkyNet's response shapes. Event-loop confined.
 */
final class HttpCall {
  static final ObjectMapper JSON = new ObjectMapper();
  private final RoutingContext ctx;
  private ObjectNode body;

  HttpCall(RoutingContext ctx) { this.ctx = ctx; }

  RoutingContext ctx() { return ctx; }

  String path(String name) { return ctx.pathParam(name); }

  String query(String name) { return ctx.request().getParam(name); }

  /** The query parameters only, in order. */
  Map<String, String> queryMap() {
    Map<String, String> out = new LinkedHashMap<>();
    ctx.queryParams().forEach(e -> out.putIfAbsent(e.getKey(), e.getValue()));
    return out;
  }

  /** The body as an object: JSON if it parses as such, else a form; 400 if it is neither. */
  ObjectNode body() {
    if (body != null) return body;
    Buffer raw = ctx.body() == null ? null : ctx.body().buffer();
    String text = raw == null ? "" : raw.toString(StandardCharsets.UTF_8).trim();
    String type = String.valueOf(ctx.request().getHeader("content-type"));
    if (text.isEmpty()) {
      body = DeviceJson.object();
    } else if (text.startsWith("{") || type.contains("json")) {
      try {
        JsonNode n = JSON.readTree(text);
        if (!(n instanceof ObjectNode o)) throw new HubException(400, "Invalid JSON: an object is required");
        body = o;
      } catch (JsonProcessingException e) {
        throw new HubException(400, "Invalid JSON");
      }
    } else {
      body = form(text);
    }
    return body;
  }

  /** restify's mapParams: query, then body, then path parameters, into one object. */
  ObjectNode params() {
    ObjectNode out = DeviceJson.object();
    queryMap().forEach(out::put);
    out.setAll(body());
    ctx.pathParams().forEach(out::put);
    return out;
  }

  /** The caller's uuid and token: Basic, skynet_auth_*, meshblu_auth_*, X-Meshblu-*, else uuid/token params. */
  String[] credentials() {
    MultiMap h = ctx.request().headers();
    String uuid = null, token = null;
    String authz = h.get("authorization");
    if (authz != null && authz.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(authz.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0) {
          uuid = decoded.substring(0, colon);
          token = decoded.substring(colon + 1);
        }
      } catch (IllegalArgumentException ignored) {
        // not base64: treated as no credentials, so the request gets SkyNet's 401
      }
    }
    for (String[] pair : new String[][] {{"skynet_auth_uuid", "skynet_auth_token"},
        {"meshblu_auth_uuid", "meshblu_auth_token"}, {"X-Meshblu-UUID", "X-Meshblu-Token"}}) {
      if (h.get(pair[0]) != null && h.get(pair[1]) != null) {
        uuid = h.get(pair[0]);
        token = h.get(pair[1]);
      }
    }
    if (uuid == null) {
      String t = query("token") != null ? query("token") : body().path("token").asText(null);
      String u = path("uuid") != null ? path("uuid") : body().path("uuid").asText(query("uuid"));
      if (t != null) {
        uuid = u;
        token = t;
      }
    }
    return new String[] {uuid == null ? null : uuid.trim(), token == null ? null : token.trim()};
  }

  void json(int status, Object value) {
    HttpServerResponse res = ctx.response();
    if (res.ended()) return;
    try {
      res.setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
          .putHeader("Access-Control-Allow-Origin", "*").end(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      res.setStatusCode(500).end();
    }
  }

  void noContent() {
    if (!ctx.response().ended()) ctx.response().setStatusCode(204).end();
  }

  /** SkyNet's errorResponse: {@code {"message": ..., "code": ...}} with that status; 401 is {@code {"error":"unauthorized"}}. */
  void fail(Throwable t) {
    if (t instanceof HubException e) {
      if (e.code() == 401) json(401, Map.of("error", "unauthorized"));
      else json(e.code(), Map.of("message", e.getMessage(), "code", e.code()));
    } else {
      json(500, Map.of("message", "Internal error", "code", 500));
    }
  }

  /** Meshblu v2 errors: {@code {"error": message}}. */
  void failV2(Throwable t) {
    int code = t instanceof HubException e ? e.code() : 500;
    json(code, Map.of("error", t instanceof HubException ? t.getMessage() : "Internal error"));
  }

  String remoteAddress() {
    String fwd = ctx.request().getHeader("x-forwarded-for");
    return fwd != null ? fwd : ctx.request().remoteAddress().hostAddress();
  }

  private static ObjectNode form(String text) {
    ObjectNode out = DeviceJson.object();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      try {
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (k.isEmpty()) continue;
        out.put(k, v);
      } catch (IllegalArgumentException e) {
        throw new HubException(400, "Invalid form encoding");
      }
    }
    return out;
  }
}

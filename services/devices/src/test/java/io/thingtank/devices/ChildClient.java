package io.thingtank.devices;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Minimal HTTP calls against a hub in another process (see {@link HubMain}). */
final class ChildClient {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ChildClient() {}

  static String[] register(int port, String props) throws Exception {
    JsonNode r = post(port, "/devices", null, props);
    return new String[] {r.get("uuid").asText(), r.get("token").asText()};
  }

  static JsonNode post(int port, String path, String[] auth, String body) throws Exception {
    return send(port, path, auth, HttpRequest.BodyPublishers.ofString(body), "POST");
  }

  static JsonNode get(int port, String path, String[] auth) throws Exception {
    return send(port, path, auth, HttpRequest.BodyPublishers.noBody(), "GET");
  }

  private static JsonNode send(int port, String path, String[] auth, HttpRequest.BodyPublisher body, String method)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body).header("content-type", "application/json");
    if (auth != null) b.header("meshblu_auth_uuid", auth[0]).header("meshblu_auth_token", auth[1]);
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) throw new AssertionError(method + " " + path + " -> " + r.statusCode() + " " + r.body());
    return HubNode.JSON.readTree(r.body());
  }
}

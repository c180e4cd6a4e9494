package io.thingtank.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.core.Config;
import io.thingtank.core.Node;
import io.thingtank.core.ServiceModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A running node with the device hub on a free port, plus a small JSON HTTP client for tests. */
final class HubNode implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  final Node node;
  final DevicesModule devices;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HubNode(Node node, DevicesModule devices) {
    this.node = node;
    this.devices = devices;
  }

  static HubNode start(Path dataDir, ServiceModule... before) {
    return start(Config.forTest(dataDir), before);
  }

  static HubNode start(Config config, ServiceModule... before) {
    DevicesModule devices = new DevicesModule();
    List<ServiceModule> modules = new ArrayList<>(List.of(before));
    modules.add(devices);
    return new HubNode(Node.start(config, modules), devices);
  }

  int port() { return devices.port(); }

  String url(String path) { return "http://127.0.0.1:" + port() + path; }

  /** One HTTP exchange; {@code auth} is {uuid, token} or null; body JSON or null. */
  Reply call(String method, String path, String[] auth, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) b.header("content-type", "application/json");
    if (auth != null) b.header("meshblu_auth_uuid", auth[0]).header("meshblu_auth_token", auth[1]);
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
  }

  /** Registers a device with the given JSON properties; answers {uuid, token}. */
  String[] register(String props) throws Exception {
    Reply r = call("POST", "/devices", null, props);
    if (r.status() != 201) throw new AssertionError("register failed: " + r);
    return new String[] {r.json().get("uuid").asText(), r.json().get("token").asText()};
  }

  /** Opens a streaming GET (e.g. /subscribe/:uuid); returns once the response headers arrived. */
  Stream stream(String path, String[] auth) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(url(path)))
        .header("meshblu_auth_uuid", auth[0]).header("meshblu_auth_token", auth[1]).build();
    HttpResponse<java.util.stream.Stream<String>> r = http.sendAsync(req, HttpResponse.BodyHandlers.ofLines())
        .get(10, java.util.concurrent.TimeUnit.SECONDS);
    Stream s = new Stream(r.statusCode(), new java.util.concurrent.LinkedBlockingQueue<>(), r.body());
    Thread t = new Thread(() -> {
      try {
        r.body().forEach(line -> {
          if (line.isBlank()) return;
          try {
            s.lines().add(JSON.readTree(line));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
      } catch (RuntimeException ignored) {
        // the stream was closed by the test
      }
    }, "stream-reader");
    t.setDaemon(true);
    t.start();
    return s;
  }

  /** A streaming response: its status and the JSON lines received so far. */
  record Stream(int status, java.util.concurrent.BlockingQueue<JsonNode> lines, java.util.stream.Stream<String> body)
      implements AutoCloseable {
    JsonNode next(long millis) throws InterruptedException {
      return lines.poll(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override public void close() { body.close(); }
  }

  record Reply(int status, JsonNode json) {
    ObjectNode obj() { return (ObjectNode) json; }
  }

  @Override
  public void close() { node.close(); }
}

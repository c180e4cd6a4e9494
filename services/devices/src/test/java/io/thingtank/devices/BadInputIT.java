package io.thingtank.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Malformed JSON and forms, broken Engine.IO/Socket.IO and WebSocket frames, huge payloads: clear errors, hub stays up. */
@Timeout(60)
class BadInputIT {
  @TempDir static Path dir;
  static HubNode hub;

  @BeforeAll static void start() { hub = HubNode.start(dir); }

  @AfterAll static void stop() { hub.close(); }

  @Test
  void malformedJsonAndFormsGet400AndStoreNothing() throws Exception {
    String[] a = hub.register("{}");
    HubNode.Reply r = hub.call("POST", "/devices", null, "{\"name\": ");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).isEqualTo("Invalid JSON");
    assertThat(hub.call("POST", "/messages", a, "[1,2]").status()).isEqualTo(400);
    assertThat(hub.call("PUT", "/devices/" + a[0], a, "{\"x\":").status()).isEqualTo(400);
    HttpResponse<String> form = post("/devices", "application/x-www-form-urlencoded", "name=%zz");
    assertThat(form.statusCode()).isEqualTo(400);
    assertThat(hub.call("POST", "/messages", a, "{\"payload\":1}").json().get("code").asInt()).isEqualTo(422);
    assertThat(hub.call("GET", "/nowhere", null, null).json().get("code").asText()).isEqualTo("ResourceNotFound");
    assertThat(hub.call("GET", "/v2/whoami", a, null).json().has("x")).isFalse();
  }

  @Test
  void hugeBodiesAre413() throws Exception {
    String[] a = hub.register("{}");
    String big = "{\"devices\":\"*\",\"payload\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    assertThat(hub.call("POST", "/messages", a, big).status()).isEqualTo(413);
    HttpResponse<String> poll = post("/socket.io/?EIO=4&transport=polling&sid=unknown", "text/plain", "4" + "x".repeat(10));
    assertThat(poll.statusCode()).isEqualTo(400);
    assertThat(poll.body()).contains("Session ID unknown");
    String sid = handshake();
    HttpResponse<String> huge = post("/socket.io/?EIO=4&transport=polling&sid=" + sid, "text/plain", "4" + "x".repeat(1_100_000));
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(hub.call("GET", "/status", null, null).status()).isEqualTo(200);
  }

  @Test
  void brokenEngineIoAndSocketIoPacketsCloseTheSession() throws Exception {
    assertThat(get("/socket.io/?EIO=3&transport=polling").body()).contains("Unsupported protocol version");
    assertThat(get("/socket.io/?EIO=4&transport=carrier-pigeon").body()).contains("Transport unknown");
    String sid = handshake();
    assertThat(post("/socket.io/?EIO=4&transport=polling&sid=" + sid, "text/plain", "40").body()).isEqualTo("ok");
    assertThat(get("/socket.io/?EIO=4&transport=polling&sid=" + sid).body()).startsWith("40{\"sid\"");
    // an EVENT whose payload is not JSON: socket.io closes the session
    post("/socket.io/?EIO=4&transport=polling&sid=" + sid, "text/plain", "42[\"whoami\",{");
    assertThat(get("/socket.io/?EIO=4&transport=polling&sid=" + sid).body()).contains("Session ID unknown");
    // an unknown Engine.IO packet type: 400 and the session is gone
    String sid2 = handshake();
    assertThat(post("/socket.io/?EIO=4&transport=polling&sid=" + sid2, "text/plain", "9garbage").statusCode()).isEqualTo(400);
    assertThat(get("/socket.io/?EIO=4&transport=polling&sid=" + sid2).body()).contains("Session ID unknown");
    // another namespace is refused with CONNECT_ERROR
    String sid3 = handshake();
    post("/socket.io/?EIO=4&transport=polling&sid=" + sid3, "text/plain", "40/admin,");
    assertThat(get("/socket.io/?EIO=4&transport=polling&sid=" + sid3).body()).contains("44/admin,{\"message\":\"Invalid namespace\"}");
    assertThat(hub.call("GET", "/status", null, null).status()).isEqualTo(200);
  }

  @Test
  void brokenWebSocketFrames() throws Exception {
    String[] a = hub.register("{}");
    LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocket ws = hub.http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + hub.port() + "/ws/v2"),
        new WebSocket.Listener() {
          @Override public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            frames.add(data.toString());
            w.request(1);
            return null;
          }

          @Override public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
            closed.complete(code);
            return null;
          }

          @Override public void onError(WebSocket w, Throwable error) {
            closed.complete(-1); // the server dropped the connection without a close frame
          }
        }).get(5, TimeUnit.SECONDS);
    ws.sendText("not json", true).get();
    assertThat(frames.poll(5, TimeUnit.SECONDS)).startsWith("[\"error\"").contains("invalid frame");
    ws.sendText("[\"whoami\",{}]", true).get();
    assertThat(frames.poll(5, TimeUnit.SECONDS)).contains("\"status\":401");
    ws.sendText("[\"identity\",{\"uuid\":\"" + a[0] + "\",\"token\":\"" + a[1] + "\"}]", true).get();
    assertThat(frames.poll(5, TimeUnit.SECONDS)).startsWith("[\"ready\"");
    ws.sendText("[\"whoami\",{}]", true).get();
    String whoami = frames.poll(5, TimeUnit.SECONDS);
    while (whoami != null && whoami.startsWith("[\"config\"")) whoami = frames.poll(5, TimeUnit.SECONDS);
    assertThat(whoami).startsWith("[\"whoami\"").contains(a[0]);
    // a frame over the 1 MB limit ends the connection
    ws.sendText("[\"message\",\"" + "x".repeat(1_100_000) + "\"]", true);
    assertThat(closed.get(10, TimeUnit.SECONDS)).isIn(1009, -1);
    assertThat(hub.call("GET", "/v2/whoami", a, null).status()).isEqualTo(200);
  }

  private static String handshake() throws Exception {
    String open = get("/socket.io/?EIO=4&transport=polling").body();
    assertThat(open).startsWith("0{\"sid\":");
    return HubNode.JSON.readTree(open.substring(1)).get("sid").asText();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return hub.http.send(HttpRequest.newBuilder(URI.create(hub.url(path))).version(java.net.http.HttpClient.Version.HTTP_1_1)
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String type, String body) throws Exception {
    return hub.http.send(HttpRequest.newBuilder(URI.create(hub.url(path))).version(java.net.http.HttpClient.Version.HTTP_1_1)
        .timeout(Duration.ofSeconds(10)).header("content-type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}

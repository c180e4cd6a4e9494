package io.thingtank.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.thingtank.core.Config;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Engine.IO v4 heartbeat: the server pings; a client that never pongs is dropped, one that pongs stays. */
@Timeout(60)
class EngineIoHeartbeatIT {
  @TempDir Path dir;

  @Test
  void silentClientsAreDroppedAndAnsweringClientsStay() throws Exception {
    Config config = Config.forTest(dir).withSection("devices",
        JsonNodeFactory.instance.objectNode().put("pingInterval", 300).put("pingTimeout", 300));
    try (HubNode hub = HubNode.start(config)) {
      String silent = handshake(hub), alive = handshake(hub);
      // the server's first packet on a poll is a PING ("2")
      assertThat(get(hub, alive).body()).isEqualTo("2");
      // GIVEN alive answers every ping; WHEN silent never does THEN only silent is dropped
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
        post(hub, alive, "3");
        return get(hub, silent).body().contains("Session ID unknown");
      });
      post(hub, alive, "3");
      assertThat(get(hub, alive).body()).isEqualTo("2");
    }
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static String handshake(HubNode hub) throws Exception {
    String open = HTTP.send(HttpRequest.newBuilder(URI.create(hub.url("/socket.io/?EIO=4&transport=polling"))).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(HubNode.JSON.readTree(open.substring(1)).get("pingInterval").asInt()).isEqualTo(300);
    return HubNode.JSON.readTree(open.substring(1)).get("sid").asText();
  }

  private static HttpResponse<String> get(HubNode hub, String sid) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(hub.url("/socket.io/?EIO=4&transport=polling&sid=" + sid)))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void post(HubNode hub, String sid, String body) throws Exception {
    HTTP.send(HttpRequest.newBuilder(URI.create(hub.url("/socket.io/?EIO=4&transport=polling&sid=" + sid)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}

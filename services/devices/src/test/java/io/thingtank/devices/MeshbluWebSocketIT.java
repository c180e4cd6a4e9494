package io.thingtank.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Meshblu's JSON-array WebSocket API at /ws/v2, driven by the JDK's WebSocket client. */
@Timeout(60)
class MeshbluWebSocketIT {
  @TempDir Path dir;

  /** A connected client collecting frames; {@link #next(String)} skips frames of other types. */
  static final class Client {
    final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final WebSocket ws;

    Client(HubNode hub) throws Exception {
      ws = hub.http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + hub.port() + "/ws/v2"),
          new WebSocket.Listener() {
            final StringBuilder buf = new StringBuilder();

            @Override public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
              buf.append(data);
              if (last) {
                try {
                  frames.add(HubNode.JSON.readTree(buf.toString()));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                buf.setLength(0);
              }
              w.request(1);
              return null;
            }
          }).get(5, TimeUnit.SECONDS);
    }

    void send(String frame) throws Exception { ws.sendText(frame, true).get(5, TimeUnit.SECONDS); }

    JsonNode next(String type) throws InterruptedException { return next(type, 5); }

    /** The data of the next frame of {@code type}, or null when none comes within {@code seconds} per frame. */
    JsonNode next(String type, int seconds) throws InterruptedException {
      for (int i = 0; i < 20; i++) {
        JsonNode f = frames.poll(seconds, TimeUnit.SECONDS);
        if (f == null) return null;
        if (f.get(0).asText().equals(type)) return f.get(1);
      }
      return null;
    }
  }

  @Test
  void frames() throws Exception {
    try (HubNode hub = HubNode.start(dir)) {
      String[] a = hub.register("{\"kind\":\"sensor\"}"), b = hub.register("{}");
      Client ca = new Client(hub), cb = new Client(hub);
      ca.send("[\"identity\",{\"uuid\":\"" + a[0] + "\",\"token\":\"nope\"}]");
      assertThat(ca.next("notReady").get("status").asInt()).isEqualTo(401);
      ca.send("[\"identity\",{\"uuid\":\"" + a[0] + "\",\"token\":\"" + a[1] + "\"}]");
      assertThat(ca.next("ready").get("uuid").asText()).isEqualTo(a[0]);
      cb.send("[\"identity\",{\"uuid\":\"" + b[0] + "\",\"token\":\"" + b[1] + "\"}]");
      assertThat(cb.next("ready").get("status").asInt()).isEqualTo(200);

      ca.send("[\"message\",{\"devices\":[\"" + b[0] + "\"],\"payload\":{\"hi\":1}}]");
      JsonNode m = cb.next("message");
      assertThat(m.at("/payload/hi").asInt()).isEqualTo(1);
      assertThat(m.get("fromUuid").asText()).isEqualTo(a[0]);

      cb.send("[\"subscribe\",{\"uuid\":\"" + a[0] + "\",\"types\":[\"broadcast\"]}]");
      cb.send("[\"status\",{}]");
      assertThat(cb.next("status").get("meshblu").asText()).isEqualTo("online");
      // Meshblu acknowledges no subscribe: the subscription takes effect asynchronously (through the
      // bus), so the broadcast is repeated (at most 10 times) until the subscriber sees one.
      JsonNode all = null;
      for (int i = 0; i < 10 && all == null; i++) {
        ca.send("[\"message\",{\"devices\":\"*\",\"payload\":\"all\"}]");
        all = cb.next("message", 1);
      }
      assertThat(all).isNotNull();
      assertThat(all.get("payload").asText()).isEqualTo("all");

      ca.send("[\"whoami\",{}]");
      assertThat(ca.next("whoami").get("kind").asText()).isEqualTo("sensor");
      ca.send("[\"devices\",{\"kind\":\"sensor\"}]");
      assertThat(ca.next("devices").at("/devices/0/uuid").asText()).isEqualTo(a[0]);
      ca.send("[\"update\",[{\"uuid\":\"" + a[0] + "\"},{\"$set\":{\"color\":\"red\"}}]]");
      assertThat(ca.next("updated").get("uuid").asText()).isEqualTo(a[0]);
      ca.send("[\"device\",{\"uuid\":\"" + a[0] + "\"}]");
      assertThat(ca.next("device").get("color").asText()).isEqualTo("red");
      ca.send("[\"register\",{\"owner\":\"" + a[0] + "\"}]");
      String child = ca.next("registered").get("uuid").asText();
      ca.send("[\"mydevices\",{}]");
      assertThat(ca.next("mydevices").get(0).get("uuid").asText()).isEqualTo(child);
      ca.send("[\"unregister\",{\"uuid\":\"" + child + "\"}]");
      assertThat(ca.next("unregistered").get("uuid").asText()).isEqualTo(child);
      cb.send("[\"update\",[{\"uuid\":\"" + a[0] + "\"},{\"$set\":{\"color\":\"blue\"}}]]");
      assertThat(cb.next("error").get("message").asText()).isEqualTo("unauthorized");
      ca.ws.abort();
      cb.ws.abort();
    }
  }
}

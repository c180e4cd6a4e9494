package io.thingtank.wamp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingtank.core.bus.BusCallException;
import io.thingtank.core.bus.BusPrincipal;
import io.thingtank.core.bus.BusResult;
import io.thingtank.core.bus.MessageBus;
import io.vertx.core.Future;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dynamic ticket authenticator (Crossbar style: a WAMP procedure returning the role), a
 * dynamic authorizer procedure, and the WebSocket keepalive PINGs.
 */
class DynamicAuthIT {
  static final String CONFIG = """
      {"keepaliveMs": 100,
       "realms": [{"name": "realm1", "roles": [{"name": "device", "permissions": [
          {"uri": "dev.", "match": "prefix", "allow": {"publish": true}}]},
          {"name": "dyn", "authorizer": "com.auth.authorize"}]}],
       "auth": {"ticket": {"type": "dynamic", "authenticator": "com.auth.ticket"}}}
      """;
  @TempDir java.nio.file.Path dir;

  @Test
  void ticketAndPermissionsCheckedByProceduresAndKeepalivePings() throws Exception {
    try (TestRouter r = new TestRouter(dir, false, new ObjectMapper().readTree(CONFIG))) {
      // GIVEN an authenticator procedure registered in-process
      MessageBus bus = r.node.platform().lookup(MessageBus.class).orElseThrow();
      bus.register(BusPrincipal.system("realm1", "auth"), "com.auth.ticket", MessageBus.EXACT, ev -> {
        Map<?, ?> details = (Map<?, ?>) ev.args().get(2);
        Object ticket = details.get("ticket");
        return "open-sesame".equals(ticket) || "dyn-ticket".equals(ticket)
            ? Future.succeededFuture(new BusResult(List.of(Map.of("role", "open-sesame".equals(ticket) ? "device" : "dyn")),
                Map.of()))
            : Future.failedFuture(new BusCallException("com.auth.invalid", List.of("bad ticket"), Map.of()));
      }).await(5, TimeUnit.SECONDS);
      // and an authorizer procedure: publish under "dev." only
      bus.register(BusPrincipal.system("realm1", "auth"), "com.auth.authorize", MessageBus.EXACT, ev ->
          Future.succeededFuture(new BusResult(List.of(((String) ev.args().get(1)).startsWith("dev.")
              && "publish".equals(ev.args().get(2))), Map.of()))).await(5, TimeUnit.SECONDS);
      String hello = "[1, \"realm1\", {\"authmethods\": [\"ticket\"], \"authid\": \"dev1\", \"roles\": {\"publisher\": {}}}]";
      // WHEN the right ticket is given THEN the session gets the returned role
      try (RawWsClient c = new RawWsClient(r.wsUrl())) {
        assertThat(c.request(hello)).containsExactly(4L, "ticket", Map.of());
        List<Object> welcome = c.request("[5, \"open-sesame\", {}]");
        assertThat(welcome.get(0)).isEqualTo(2L);
        @SuppressWarnings("unchecked") Map<String, Object> details = (Map<String, Object>) welcome.get(2);
        assertThat(details).containsEntry("authrole", "device").containsEntry("authprovider", "dynamic");
      }
      // WHEN a wrong ticket is given THEN ABORT authentication_failed
      try (RawWsClient c = new RawWsClient(r.wsUrl())) {
        c.request(hello);
        List<Object> abort = c.request("[5, \"wrong\", {}]");
        assertThat(abort.subList(0, 1)).containsExactly(3L);
        assertThat(abort.get(2)).isEqualTo("wamp.error.authentication_failed");
      }
      // WHEN a session whose role has an authorizer acts THEN the authorizer decides, in order
      try (RawWsClient c = new RawWsClient(r.wsUrl())) {
        c.request(hello);
        assertThat(c.request("[5, \"dyn-ticket\", {}]").get(0)).isEqualTo(2L);
        c.send("[16, 1, {\"acknowledge\": true}, \"dev.temp\", [21]]");
        c.send("[16, 2, {\"acknowledge\": true}, \"other.temp\", [21]]");
        c.send("[32, 3, {}, \"dev.temp\"]");
        c.send("[16, 4, {\"acknowledge\": true}, \"dev.temp\", [22]]");
        assertThat(c.next().subList(0, 2)).containsExactly(17L, 1L);
        assertThat(c.next()).element(4).isEqualTo("wamp.error.not_authorized");
        assertThat(c.next()).element(4).isEqualTo("wamp.error.not_authorized");
        assertThat(c.next().subList(0, 2)).containsExactly(17L, 4L);
      }
      // AND the router pings WebSocket clients every keepaliveMs
      CountDownLatch pings = new CountDownLatch(2);
      WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("wamp.2.json")
          .buildAsync(URI.create(r.wsUrl()), new WebSocket.Listener() {
            @Override public CompletionStage<?> onPing(WebSocket w, ByteBuffer message) {
              pings.countDown();
              w.request(1);
              return null;
            }
          }).get(5, TimeUnit.SECONDS);
      assertThat(pings.await(5, TimeUnit.SECONDS)).isTrue();
      ws.abort();
      // AND RawSocket clients get PING frames (type 1) too
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", r.wamp.rawSocketPort())) {
        s.setSoTimeout(5000);
        s.getOutputStream().write(new byte[] {0x7F, (byte) 0xF1, 0, 0});
        java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
        in.readNBytes(4);
        assertThat(in.readInt()).isEqualTo(0x01000000); // PING, empty payload
      }
    }
  }
}

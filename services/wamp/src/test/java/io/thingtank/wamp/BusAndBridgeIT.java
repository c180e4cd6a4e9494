package io.thingtank.wamp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingtank.core.bus.BusCallException;
import io.thingtank.core.bus.BusEvent;
import io.thingtank.core.bus.BusPrincipal;
import io.thingtank.core.bus.BusResult;
import io.thingtank.core.bus.MessageBus;
import io.vertx.core.Future;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-process {@link MessageBus} and the HTTP publisher/caller bridge go through the same
 * routing and permissions as WAMP clients; event history and retained events survive a restart.
 */
class BusAndBridgeIT {
  static final String CONFIG = """
      {"realms": [{"name": "realm1",
         "roles": [{"name": "anonymous", "permissions": [
           {"uri": "pub.", "match": "prefix", "allow": {"publish": true, "subscribe": true, "call": true}}]}],
         "history": [{"uri": "pub.news", "match": "exact", "limit": 3}]}]}
      """;
  @TempDir java.nio.file.Path dir;

  @Test
  void busBridgeAndPersistedHistory() throws Exception {
    BusPrincipal system = BusPrincipal.system("realm1", "test");
    BusPrincipal anon = new BusPrincipal("realm1", "anon", "anonymous");
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(java.time.Duration.ofSeconds(5)).build();
    try (TestRouter r = new TestRouter(dir, false, new ObjectMapper().readTree(CONFIG))) {
      MessageBus bus = r.node.platform().lookup(MessageBus.class).orElseThrow();
      // GIVEN an in-process subscriber and callee
      List<BusEvent> events = new CopyOnWriteArrayList<>();
      bus.subscribe(system, "pub.", MessageBus.PREFIX, events::add).await(5, TimeUnit.SECONDS);
      bus.register(system, "pub.add", MessageBus.EXACT, ev -> Future.succeededFuture(new BusResult(
          List.of(((Number) ev.args().get(0)).longValue() + ((Number) ev.args().get(1)).longValue()), Map.of())))
          .await(5, TimeUnit.SECONDS);
      // WHEN the bus and the HTTP bridge publish and call
      bus.publish(anon, "pub.news", List.of("one"), Map.of()).await(5, TimeUnit.SECONDS);
      HttpResponse<String> pub = http.send(post(r.httpUrl("/publish"),
          "{\"topic\": \"pub.news\", \"args\": [\"two\"], \"options\": {\"retain\": true}}"), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> call = http.send(post(r.httpUrl("/call"),
          "{\"procedure\": \"pub.add\", \"args\": [2, 3]}"), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> denied = http.send(post(r.httpUrl("/publish"), "{\"topic\": \"private.x\"}"),
          HttpResponse.BodyHandlers.ofString());
      // THEN events and results arrive, and permissions apply
      assertThat(pub.statusCode()).isEqualTo(200);
      assertThat(pub.body()).contains("\"id\"");
      assertThat(call.body()).isEqualTo("{\"args\":[5],\"kwargs\":{}}");
      assertThat(denied.statusCode()).isEqualTo(403);
      assertThat(denied.body()).contains("wamp.error.not_authorized");
      org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> events.size() == 2);
      assertThat(events.get(0).topic()).isEqualTo("pub.news");
      Throwable err = bus.publish(anon, "private.x", List.of(), Map.of()).<Throwable>map(v -> null)
          .otherwise(t -> t).await(5, TimeUnit.SECONDS);
      assertThat(err).isInstanceOf(BusCallException.class);
      assertThat(((BusCallException) err).errorUri()).isEqualTo("wamp.error.not_authorized");
      // the bridge keeps one in-process session for anonymous requests, not one per request
      Object before = bus.call(system, "wamp.session.count", List.of(), Map.of()).await(5, TimeUnit.SECONDS).args().get(0);
      for (int i = 0; i < 3; i++) {
        http.send(post(r.httpUrl("/publish"), "{\"topic\": \"pub.more\"}"), HttpResponse.BodyHandlers.ofString());
      }
      Object after = bus.call(system, "wamp.session.count", List.of(), Map.of()).await(5, TimeUnit.SECONDS).args().get(0);
      assertThat(after).isEqualTo(before);
      // a bus session killed through the meta API is replaced on next use
      bus.call(system, "wamp.session.kill_by_authid", List.of("anon"), Map.of()).await(5, TimeUnit.SECONDS);
      bus.publish(anon, "pub.news", List.of("three"), Map.of()).await(5, TimeUnit.SECONDS);
    }
    // WHEN the node restarts THEN history and retained events are still there
    try (TestRouter r = new TestRouter(dir, false, new ObjectMapper().readTree(CONFIG))) {
      MessageBus bus = r.node.platform().lookup(MessageBus.class).orElseThrow();
      var sub = bus.subscribe(system, "pub.news", MessageBus.EXACT, e -> { }).await(5, TimeUnit.SECONDS);
      BusResult history = bus.call(system, "wamp.subscription.get_events", List.of(sub.id(), 10), Map.of())
          .await(5, TimeUnit.SECONDS);
      List<?> list = (List<?>) history.args().get(0);
      assertThat(list).hasSize(3);
      assertThat(((Map<?, ?>) list.get(0)).get("args")).isEqualTo(List.of("three"));
      try (RawWsClient c = new RawWsClient(r.wsUrl())) {
        c.join();
        c.send("[32, 1, {\"get_retained\": true}, \"pub.news\"]");
        assertThat(c.next().get(0)).isEqualTo(33L);
        List<Object> retained = c.next();
        assertThat(retained.get(0)).isEqualTo(36L);
        assertThat(retained.get(4)).isEqualTo(List.of("two"));
      }
    }
  }

  private static HttpRequest post(String url, String json) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(java.time.Duration.ofSeconds(10)).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }
  @Test
  void reachesSaysWhetherAPublicationWouldBeDelivered() throws Exception {
    BusPrincipal bridge = BusPrincipal.system("realm1", "bridge");
    BusPrincipal other = BusPrincipal.system("realm1", "other");
    try (TestRouter r = new TestRouter(dir, false, new ObjectMapper().readTree(CONFIG))) {
      MessageBus bus = r.node.platform().lookup(MessageBus.class).orElseThrow();
      // GIVEN the publisher's own prefix subscription only
      MessageBus.Registration own = bus.subscribe(bridge, "mqtt.", MessageBus.PREFIX, e -> { })
          .await(5, TimeUnit.SECONDS);
      // THEN its publications reach no one, except where an event history is kept
      assertThat(bus.reaches(bridge, "mqtt.a.b")).isFalse();
      assertThat(bus.reaches(bridge, "pub.news")).isTrue();
      assertThat(bus.reaches(other, "mqtt.a.b")).isTrue();
      // WHEN others subscribe exactly, by wildcard, then leave
      MessageBus.Registration exact = bus.subscribe(other, "mqtt.a.b", MessageBus.EXACT, e -> { })
          .await(5, TimeUnit.SECONDS);
      assertThat(bus.reaches(bridge, "mqtt.a.b")).isTrue();
      assertThat(bus.reaches(bridge, "mqtt.a.c")).isFalse();
      exact.close().await(5, TimeUnit.SECONDS);
      assertThat(bus.reaches(bridge, "mqtt.a.b")).isFalse();
      MessageBus.Registration wild = bus.subscribe(other, "mqtt..c", MessageBus.WILDCARD, e -> { })
          .await(5, TimeUnit.SECONDS);
      assertThat(bus.reaches(bridge, "mqtt.a.c")).isTrue();
      assertThat(bus.reaches(bridge, "mqtt.a.b")).isFalse();
      wild.close().await(5, TimeUnit.SECONDS);
      own.close().await(5, TimeUnit.SECONDS);
      assertThat(bus.reaches(bridge, "mqtt.a.c")).isFalse();
      assertThat(bus.reaches(other, "mqtt.a.b")).isFalse();
    }
  }
}

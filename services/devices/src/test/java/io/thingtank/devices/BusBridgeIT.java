package io.thingtank.devices;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.core.bus.BusEvent;
import io.thingtank.core.bus.BusPrincipal;
import io.thingtank.core.bus.MessageBus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One bus: device messages become bus events, and bus publications to a device's topic reach it, under its permissions. */
@Timeout(60)
class BusBridgeIT {
  @TempDir Path dir;

  @Test
  void deviceMessagesAndBusPublicationsFlowBothWays() throws Exception {
    InMemoryBus bus = new InMemoryBus();
    try (HubNode hub = HubNode.start(dir, bus)) {
      String[] a = hub.register("{}"), b = hub.register("{}");
      String[] guarded = hub.register("{\"sendWhitelist\":[\"" + a[0] + "\"]}");
      LinkedBlockingQueue<BusEvent> seen = new LinkedBlockingQueue<>();
      BusPrincipal watcher = new BusPrincipal("thingtank", "watcher", "user");
      bus.subscribe(watcher, "thingtank.devices.", MessageBus.PREFIX, seen::add);

      // WHEN a sends b a message over REST THEN the bus carries it on b's message topic and a's sent topic
      hub.call("POST", "/messages", a, "{\"devices\":\"" + b[0] + "\",\"payload\":{\"x\":1}}");
      BusEvent first = seen.poll(5, TimeUnit.SECONDS);
      BusEvent second = seen.poll(5, TimeUnit.SECONDS);
      assertThat(List.of(first.topic(), second.topic()))
          .containsExactlyInAnyOrder("thingtank.devices." + b[0] + ".message", "thingtank.devices." + a[0] + ".sent");
      @SuppressWarnings("unchecked")
      Map<String, Object> body = (Map<String, Object>) (first.topic().endsWith(".message") ? first : second).args().get(0);
      assertThat(body.get("fromUuid")).isEqualTo(a[0]);
      hub.call("POST", "/messages", a, "{\"devices\":\"*\",\"payload\":2}");
      assertThat(List.of(seen.poll(5, TimeUnit.SECONDS).topic(), seen.poll(5, TimeUnit.SECONDS).topic()))
          .contains("thingtank.devices." + a[0] + ".broadcast");

      // WHEN a WAMP client publishes to b's message topic THEN b receives it, once
      try (HubNode.Stream bHears = hub.stream("/subscribe/" + b[0] + "/received", b)) {
        bus.publish(new BusPrincipal("thingtank", "wamp-user", "user"), "thingtank.devices." + b[0] + ".message",
            List.of(Map.of("payload", "from wamp")), Map.of()).await(5, TimeUnit.SECONDS);
        var got = bHears.next(5000);
        assertThat(got.get("payload").asText()).isEqualTo("from wamp");
        assertThat(got.get("fromUuid").asText()).isEqualTo("wamp-user");
        assertThat(bHears.next(300)).isNull();
      }
      // AND a publication by a device that may not send to the target is dropped
      try (HubNode.Stream gHears = hub.stream("/subscribe/" + guarded[0] + "/received", guarded)) {
        bus.publish(new BusPrincipal("thingtank", b[0], "device"), "thingtank.devices." + guarded[0] + ".message",
            List.of(Map.of("payload", "blocked")), Map.of()).await(5, TimeUnit.SECONDS);
        bus.publish(new BusPrincipal("thingtank", a[0], "device"), "thingtank.devices." + guarded[0] + ".message",
            List.of(Map.of("payload", "allowed")), Map.of()).await(5, TimeUnit.SECONDS);
        assertThat(gHears.next(5000).get("payload").asText()).isEqualTo("allowed");
        assertThat(gHears.next(300)).isNull();
      }
    }
  }
}

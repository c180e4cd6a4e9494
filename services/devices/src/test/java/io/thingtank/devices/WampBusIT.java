package io.thingtank.devices;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.core.bus.BusEvent;
import io.thingtank.core.bus.BusPrincipal;
import io.thingtank.core.bus.MessageBus;
import io.thingtank.wamp.WampModule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The bridge against the real WAMP module's broker (its MessageBus), in one process. */
@Timeout(60)
class WampBusIT {
  @TempDir Path dir;

  @Test
  void deviceMessagesAreWampEventsAndWampPublicationsReachDevices() throws Exception {
    try (HubNode hub = HubNode.start(dir, new WampModule())) {
      MessageBus bus = hub.node.platform().lookup(MessageBus.class).orElseThrow();
      String[] a = hub.register("{}"), b = hub.register("{}");
      BusPrincipal watcher = BusPrincipal.system("realm1", "watcher");
      LinkedBlockingQueue<BusEvent> seen = new LinkedBlockingQueue<>();
      bus.subscribe(watcher, "thingtank.devices." + b[0] + ".message", MessageBus.EXACT, seen::add)
          .await(5, TimeUnit.SECONDS);
      hub.call("POST", "/messages", a, "{\"devices\":\"" + b[0] + "\",\"payload\":\"to b\"}");
      BusEvent e = seen.poll(5, TimeUnit.SECONDS);
      assertThat(e).isNotNull();
      assertThat(((Map<?, ?>) e.args().get(0)).get("payload")).isEqualTo("to b");

      try (HubNode.Stream bHears = hub.stream("/subscribe/" + b[0] + "/received", b)) {
        bus.publish(watcher, "thingtank.devices." + b[0] + ".message", List.of(Map.of("payload", "from wamp")), Map.of())
            .await(5, TimeUnit.SECONDS);
        assertThat(bHears.next(5000).path("payload").asText()).isEqualTo("from wamp");
      }
    }
  }
}

package io.thingtank.wamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router's WebSocket frames as the JDK's WebSocket client reads them: a message over 64 KiB
 * arrives as one text frame and continuation frames (RFC 6455 §5.4), reassembled intact, even with
 * a multi-byte character split across two frames.
 */
class WebSocketFramesIT {
  @TempDir static java.nio.file.Path dir;
  static TestRouter router;

  @BeforeAll static void start() { router = new TestRouter(dir, true, null); }

  @AfterAll static void stop() { router.close(); }

  @Test
  void aMessageOver64KiBArrivesFragmentedAndWhole() throws Exception {
    try (RawWsClient c = new RawWsClient(router.wsUrl())) {
      c.join();
      c.send("[32, 1, {}, \"com.frames\"]");
      c.next();
      // 3 bytes of UTF-8 per character: frame boundaries every 65,536 bytes fall inside characters
      String big = "\u20ac".repeat(70_000);
      c.send("[16, 2, {\"exclude_me\": false}, \"com.frames\", [\"" + big + "\", 1]]");
      List<Object> event = c.next();
      assertThat(event.get(0)).isEqualTo(36L);
      assertThat(event.get(4)).isEqualTo(List.of(big, 1L));
      c.send("[16, 3, {\"exclude_me\": false}, \"com.frames\", [\"small\"]]");
      assertThat(c.next().get(4)).isEqualTo(List.of("small"));
    }
  }
}

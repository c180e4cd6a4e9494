package io.thingtank.wamp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a config section and without --dev, anonymous may subscribe and call but not publish or register. */
class DefaultRoleIT {
  @TempDir java.nio.file.Path dir;

  @Test
  void anonymousGetsTheDocumentedDefaultRole() throws Exception {
    try (TestRouter r = new TestRouter(dir, false, null); RawWsClient c = new RawWsClient(r.wsUrl())) {
      assertThat(c.join().get(0)).isEqualTo(2L);
      assertThat(c.request("[32, 1, {}, \"com.any\"]").get(0)).isEqualTo(33L);
      assertThat(c.request("[48, 2, {}, \"wamp.session.count\", []]").get(0)).isEqualTo(50L);
      assertThat(c.request("[16, 3, {\"acknowledge\": true}, \"com.any\", []]")).element(4)
          .isEqualTo("wamp.error.not_authorized");
      assertThat(c.request("[64, 4, {}, \"com.proc\"]")).element(4).isEqualTo("wamp.error.not_authorized");
      assertThat(r.wamp.endpoints()).anyMatch(l -> l.contains("anonymous may only subscribe and call"));
    }
  }
}

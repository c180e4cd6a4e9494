package io.thingtank.wamp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** autobahn-js and wampy from npm (installed by scripts/deps/wamp.sh) against a live router. */
class NodeClientsIT {
  @TempDir static java.nio.file.Path dir;
  static TestRouter router;

  @BeforeAll static void start() { router = new TestRouter(dir, true, null); }

  @AfterAll static void stop() { router.close(); }

  @Test
  void autobahnJsAndWampyPublishSubscribeAndCall() throws Exception {
    // GIVEN a router; WHEN the npm clients run pub/sub and RPC
    ExternalClient.Run run = ExternalClient.node("interop.mjs", router.wsUrl());
    // THEN every check passed
    assertThat(run.output()).contains("ok autobahn-js.pubsub", "ok wampy.rpc", "done failures=0");
    assertThat(run.exit()).as(run.output()).isZero();
  }
}

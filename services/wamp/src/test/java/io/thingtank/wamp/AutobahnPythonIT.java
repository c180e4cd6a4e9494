package io.thingtank.wamp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AutobahnPython (Debian python3-autobahn, Twisted) against a live router in dev mode: the
 * seed's publisher/subscriber on {@code test-topic}, RPC, errors, progressive results,
 * cancel, timeout, shared and pattern registrations, black/whitelisting, retained events and
 * the meta API, over each serializer on WebSocket and RawSocket.
 */
class AutobahnPythonIT {
  @TempDir static java.nio.file.Path dir;
  static TestRouter router;

  @BeforeAll static void start() { router = new TestRouter(dir, true, null); }

  @AfterAll static void stop() { router.close(); }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"ws,json", "ws,msgpack", "ws,cbor", "ws,json.batched", "ws,msgpack.batched", "ws,cbor.batched", "rs,json", "rs,msgpack", "rs,cbor"})
  void everyFeatureOverEveryTransportAndSerializer(String transport, String serializer) throws Exception {
    // GIVEN a running router; WHEN Autobahn runs the pub/sub and RPC scenarios
    String url = transport.equals("ws") ? router.wsUrl() : router.rsUrl();
    ExternalClient.Run run = ExternalClient.python("autobahn_interop.py", url, serializer, "all");
    // THEN every check passed
    assertThat(run.output()).contains("ok pubsub.received", "ok rpc.args_kwargs", "done failures=0");
    assertThat(run.exit()).as(run.output()).isZero();
  }
}

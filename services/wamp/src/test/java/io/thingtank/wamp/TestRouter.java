package io.thingtank.wamp;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingtank.core.Config;
import io.thingtank.core.Node;
import io.thingtank.edge.web.WebModule;
import java.nio.file.Path;
import java.util.List;

/** A live node with the WAMP router and the web port on loopback, for integration tests. */
final class TestRouter implements AutoCloseable {
  final Node node;
  final WampModule wamp = new WampModule();
  final WebModule web = new WebModule();

  TestRouter(Path dir, boolean dev, JsonNode wampSection) {
    // Fixed free ports: with port 0 the second listener instance fails to bind (see README).
    Config c = Config.forTest(dir).withDev(dev).with(b -> {
      b.webPort = freePort();
      b.rawSocketPort = freePort();
    });
    if (wampSection != null) c = c.withSection("wamp", wampSection);
    node = Node.start(c, List.of(wamp, web));
  }

  static int freePort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String wsUrl() { return "ws://127.0.0.1:" + web.port() + "/ws"; }

  String rsUrl() { return "rs://127.0.0.1:" + wamp.rawSocketPort(); }

  String httpUrl(String path) { return "http://127.0.0.1:" + web.port() + path; }

  @Override public void close() { node.close(); }
}

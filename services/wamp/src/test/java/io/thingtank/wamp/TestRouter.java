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
    // Fixed distinct free ports rather than 0: see the README (ListenerDeployer and port 0).
    int[] ports = freePorts(2);
    Config c = Config.forTest(dir).withDev(dev).with(b -> {
      b.webPort = ports[0];
      b.rawSocketPort = ports[1];
    });
    if (wampSection != null) c = c.withSection("wamp", wampSection);
    node = Node.start(c, List.of(wamp, web));
  }

  /** Distinct free loopback ports (all probes held open together, so none is handed out twice). */
  static int[] freePorts(int n) {
    java.net.ServerSocket[] probes = new java.net.ServerSocket[n];
    try {
      int[] ports = new int[n];
      for (int i = 0; i < n; i++) {
        probes[i] = new java.net.ServerSocket();
        probes[i].setReuseAddress(false);
        probes[i].bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
        ports[i] = probes[i].getLocalPort();
      }
      return ports;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } finally {
      for (java.net.ServerSocket p : probes) {
        try {
          if (p != null) p.close();
        } catch (java.io.IOException ignored) {
          // a probe that fails to close leaves its port unusable, which the bind will report
        }
      }
    }
  }

  String wsUrl() { return "ws://127.0.0.1:" + web.port() + "/ws"; }

  String rsUrl() { return "rs://127.0.0.1:" + wamp.rawSocketPort(); }

  String httpUrl(String path) { return "http://127.0.0.1:" + web.port() + path; }

  @Override public void close() { node.close(); }
}

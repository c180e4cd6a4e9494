package io.thingtank.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ListenerDeployerTest {
  /** A listener answering with the id of its instance. */
  static final class Echo extends ListenerDeployer.Listener {
    private final int port;
    private HttpServer server;

    Echo(int port) { this.port = port; }

    @Override public Future<?> start() {
      server = vertx.createHttpServer().requestHandler(r -> r.response().end(String.valueOf(System.identityHashCode(this))));
      return server.listen(port, "127.0.0.1");
    }

    @Override public int actualPort() { return server.actualPort(); }
  }

  @Test
  void portZeroIsOneRandomPortSharedByEveryInstance() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      ListenerDeployer.Deployed d = ListenerDeployer.deploy(vertx, 0, 3, Echo::new).await(10, TimeUnit.SECONDS);
      assertThat(d.port()).isPositive();
      assertThat(d.deploymentIds()).hasSize(3);
      Set<String> answered = new HashSet<>();
      for (int i = 0; i < 6; i++) {
        HttpClient fresh = HttpClient.newHttpClient();
        answered.add(fresh.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.port() + "/")).build(),
            HttpResponse.BodyHandlers.ofString()).body());
      }
      assertThat(answered).isNotEmpty();
      d.undeploy(vertx).await(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}

package io.thingtank.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.core.Config;
import io.thingtank.core.Node;
import io.thingtank.core.Platform;
import io.thingtank.core.ServiceModule;
import io.thingtank.core.web.WebMount;
import io.thingtank.edge.aws.AwsGatewayModule;
import io.thingtank.edge.web.WebModule;
import io.vertx.core.Future;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway and the web port on random ports (one instance per event loop), with a mounted module. */
class EdgeListenersIT {
  @TempDir Path dir;

  /** Mounts /hello on the web port. */
  static final class Hello implements ServiceModule {
    @Override public String name() { return "hello"; }
    @Override public void register(Platform p) {
      p.mount(new WebMount("/hello", List.of(), r -> r.response().end("hi " + r.path())));
    }
    @Override public Future<?> start(Platform p) { return Future.succeededFuture(); }
    @Override public List<String> endpoints() { return List.of(); }
  }

  @Test
  void gatewayAndWebPortAnswer() throws Exception {
    AwsGatewayModule aws = new AwsGatewayModule(List.of());
    WebModule web = new WebModule();
    try (Node node = Node.start(Config.forTest(dir), List.of(new Hello(), aws, web))) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + aws.port() + "/_thingtank/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"edition\":\"thingtank\"");

      HttpResponse<String> unroutable = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + aws.port() + "/")).header("X-Amz-Target", "Nope.Op")
          .header("Content-Type", "application/x-amz-json-1.0").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(unroutable.statusCode()).isEqualTo(400);
      assertThat(unroutable.body()).contains("UnrecognizedClientException");

      HttpResponse<String> hello = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + web.port() + "/hello/x")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(hello.body()).isEqualTo("hi /hello/x");
      HttpResponse<String> missing = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + web.port() + "/nothing")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(missing.statusCode()).isEqualTo(404);
    }
  }
}

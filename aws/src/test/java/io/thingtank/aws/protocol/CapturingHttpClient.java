package io.thingtank.aws.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * An SDK HTTP client that records the request the real SDK marshalled (as an {@link AwsHttpRequest})
 * and answers with whatever the test's responder returns: no network. Single test thread.
 */
final class CapturingHttpClient implements SdkHttpClient {
  private final List<AwsHttpRequest> requests = new ArrayList<>();
  private Function<AwsHttpRequest, AwsHttpResponse> responder =
      r -> new AwsHttpResponse(500, Map.of(), new byte[0]);

  /** Configures an SDK client builder to use this client against a local endpoint with test keys. */
  <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
    return builder.region(Region.US_EAST_1)
        .endpointOverride(URI.create("http://localhost:4566"))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .overrideConfiguration(c -> c.retryStrategy(s -> s.maxAttempts(1)))
        .applyMutation(b -> ((software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?>) b).httpClient(this))
        .build();
  }

  void respond(Function<AwsHttpRequest, AwsHttpResponse> responder) { this.responder = responder; }

  AwsHttpRequest last() { return requests.get(requests.size() - 1); }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() {
        AwsHttpRequest captured = capture(request);
        requests.add(captured);
        AwsHttpResponse answer = responder.apply(captured);
        SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(answer.status());
        answer.headers().forEach(http::putHeader);
        return HttpExecuteResponse.builder()
            .response(http.build())
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer.body())))
            .build();
      }

      @Override
      public void abort() {}
    };
  }

  private static AwsHttpRequest capture(HttpExecuteRequest request) {
    var http = request.httpRequest();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    http.forEachHeader((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    byte[] body = new byte[0];
    if (request.contentStreamProvider().isPresent()) {
      try (InputStream in = request.contentStreamProvider().get().newStream()) {
        body = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String query = http.encodedQueryParameters().orElse(null);
    return new AwsHttpRequest(http.method().name(), http.encodedPath().isEmpty() ? "/" : http.encodedPath(),
        query, headers, body);
  }

  @Override
  public void close() {}
}

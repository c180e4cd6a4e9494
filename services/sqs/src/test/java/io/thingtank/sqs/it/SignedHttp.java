package io.thingtank.sqs.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Raw HTTP requests with any body, signed by the AWS SDK's own SigV4 signer, for bad-input tests
 * that SDK clients cannot produce.
 */
final class SignedHttp {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String endpoint;
  private final AwsCredentialsIdentity identity;

  SignedHttp(String endpoint, String accessKeyId, String secret) {
    this.endpoint = endpoint;
    this.identity = AwsCredentialsIdentity.create(accessKeyId, secret);
  }

  /** POSTs {@code body} with the headers, signed for sqs/us-east-1; returns status and body. */
  HttpResponse<String> post(Map<String, String> headers, byte[] body) throws IOException, InterruptedException {
    SdkHttpRequest.Builder req = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(endpoint + "/"));
    headers.forEach(req::putHeader);
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(req.build())
        .payload(ContentStreamProvider.fromByteArray(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sqs")
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
    HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(endpoint + "/"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, List<String>> h : signed.request().headers().entrySet()) {
      if (h.getKey().equalsIgnoreCase("host") || h.getKey().equalsIgnoreCase("content-length")) continue;
      for (String v : h.getValue()) out.header(h.getKey(), v);
    }
    return http.send(out.build(), HttpResponse.BodyHandlers.ofString());
  }
}

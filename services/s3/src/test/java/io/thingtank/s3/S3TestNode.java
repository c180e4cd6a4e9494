package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.aws.AwsService;
import io.thingtank.core.Clock;
import io.thingtank.core.Config;
import io.thingtank.core.Node;
import io.thingtank.core.identity.AccessKey;
import io.thingtank.edge.aws.AwsGatewayModule;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** A ThingTank node with only S3 on the AWS port, and SDK clients pointed at it. */
final class S3TestNode implements AutoCloseable {
  private static final HttpClient ANONYMOUS = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  final Node node;
  final AwsGatewayModule gateway;
  final AccessKey key;

  final S3Service service = new S3Service();

  S3TestNode(Path dir) { this(dir, List.of()); }

  /** A node with these other AWS services beside S3 on the AWS port (e.g. SQS for event notifications). */
  S3TestNode(Path dir, List<AwsService> others) { this(dir, Clock.SYSTEM, JsonNodeFactory.instance.objectNode(), others); }

  /** A node on {@code clock} with this {@code s3} config section. */
  S3TestNode(Path dir, Clock clock, ObjectNode s3Section) { this(dir, clock, s3Section, List.of()); }

  S3TestNode(Path dir, Clock clock, ObjectNode s3Section, List<AwsService> others) {
    List<AwsService> services = new ArrayList<>(others);
    services.add(service);
    gateway = new AwsGatewayModule(services);
    // A fixed free port: with port 0 the second listener instance fails to bind (core ListenerDeployer).
    node = Node.start(Config.forTest(dir).with(b -> b.awsPort = freePort()).withSection("s3", s3Section), clock,
        List.of(gateway));
    key = node.platform().identity().keys().get(0);
  }

  static int freePort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  int port() { return gateway.port(); }

  String endpoint() { return "http://127.0.0.1:" + port(); }

  StaticCredentialsProvider credentials() { return credentials(key); }

  static StaticCredentialsProvider credentials(AccessKey k) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey()));
  }

  /** Path-style client with the root key. */
  S3Client client() { return client(key); }

  /** Path-style client signing with {@code k} (another key is another S3 user). */
  S3Client client(AccessKey k) {
    return S3Client.builder().endpointOverride(URI.create(endpoint())).forcePathStyle(true)
        .region(Region.US_EAST_1).credentialsProvider(credentials(k))
        .httpClientBuilder(ApacheHttpClient.builder()).build();
  }

  /**
   * Path-style client sending PUT bodies as they are (signed payload, no aws-chunked encoding, no
   * checksum trailer): the requests the server reads into memory, and stores inline when small.
   */
  S3Client plainBodyClient() {
    return S3Client.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
        .credentialsProvider(credentials()).httpClientBuilder(ApacheHttpClient.builder())
        .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
        .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
            .pathStyleAccessEnabled(true).chunkedEncodingEnabled(false).build()).build();
  }

  /** How many bodies are stored inline (rows of the {@code s3-bodies} column family). */
  int inlineBodies() {
    int[] n = {0};
    node.platform().storage().table("s3-bodies").scan(new byte[0], null, (k, v) -> ++n[0] > 0);
    return n[0];
  }

  /** The status of an unsigned request (PUT sends a one-byte body). */
  int anonymous(String method, String path) throws Exception {
    return ANONYMOUS.send(HttpRequest.newBuilder(URI.create(endpoint() + path))
        .method(method, method.equals("PUT") ? HttpRequest.BodyPublishers.ofString("x") : HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Asserts that {@code call} fails with this S3 error code. */
  static void assertCode(Runnable call, String code) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class,
        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code));
  }

  /** Virtual-hosted-style client on {@code host} (every name resolves to 127.0.0.1). */
  S3Client virtualHostClient(String host) {
    return S3Client.builder().endpointOverride(URI.create("http://" + host + ":" + port())).forcePathStyle(false)
        .region(Region.US_EAST_1).credentialsProvider(credentials())
        .httpClientBuilder(ApacheHttpClient.builder()
            .dnsResolver(h -> new InetAddress[] {InetAddress.getLoopbackAddress()})).build();
  }

  S3AsyncClient asyncClient() {
    return S3AsyncClient.builder().endpointOverride(URI.create(endpoint())).forcePathStyle(true)
        .region(Region.US_EAST_1).credentialsProvider(credentials()).multipartEnabled(true)
        .build();
  }

  S3Presigner presigner() {
    return S3Presigner.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
            .pathStyleAccessEnabled(true).build()).build();
  }

  @Override
  public void close() { node.close(); }
}

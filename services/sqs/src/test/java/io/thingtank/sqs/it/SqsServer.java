package io.thingtank.sqs.it;

import io.thingtank.core.Clock;
import io.thingtank.core.Config;
import io.thingtank.core.Node;
import io.thingtank.core.identity.AccessKey;
import io.thingtank.edge.aws.AwsGatewayModule;
import io.thingtank.sqs.SqsService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A real ThingTank node with the AWS gateway and SQS on a free loopback port, and SDK clients
 * for it. {@link #restart()} closes the node and opens a new one on the same data directory.
 */
final class SqsServer implements AutoCloseable {
  private final Path dir;
  private final int port = freePort();
  private Node node;
  private AwsGatewayModule gateway;
  private SqsClient sync;
  private SqsAsyncClient async;

  private final Clock clock;

  SqsServer(Path dir) { this(dir, Clock.SYSTEM); }

  /** A node whose platform clock is {@code clock} (a ManualClock drives visibility, retention, dedup). */
  SqsServer(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
    start();
  }

  private void start() {
    gateway = new AwsGatewayModule(List.of(new SqsService()));
    // A fixed free port: with port 0, ListenerDeployer's second instance cannot share the first's socket.
    node = Node.start(Config.forTest(dir).withDev(false).with(b -> b.awsPort = port), clock, List.of(gateway));
  }

  static int freePort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  String endpoint() { return gateway.endpoint(); }

  AccessKey key() { return node.platform().identity().keys().getFirst(); }

  Node node() { return node; }

  SqsClient sync() {
    if (sync == null) {
      sync = SqsClient.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
          .credentialsProvider(credentials()).httpClientBuilder(ApacheHttpClient.builder()).build();
    }
    return sync;
  }

  SqsAsyncClient async() {
    if (async == null) {
      async = SqsAsyncClient.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
          .credentialsProvider(credentials())
          .httpClientBuilder(NettyNioAsyncHttpClient.builder().readTimeout(Duration.ofSeconds(40))).build();
    }
    return async;
  }

  private StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(key().accessKeyId(), key().secretAccessKey()));
  }

  void restart() {
    closeClients();
    node.close();
    start();
  }

  private void closeClients() {
    if (sync != null) sync.close();
    if (async != null) async.close();
    sync = null;
    async = null;
  }

  @Override
  public void close() {
    closeClients();
    node.close();
  }
}

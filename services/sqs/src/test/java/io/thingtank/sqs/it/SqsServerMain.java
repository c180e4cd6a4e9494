package io.thingtank.sqs.it;

import io.thingtank.core.Config;
import io.thingtank.core.Node;
import io.thingtank.core.identity.AccessKey;
import io.thingtank.edge.aws.AwsGatewayModule;
import io.thingtank.sqs.SqsService;
import java.nio.file.Path;
import java.util.List;

/**
 * A node with SQS in its own JVM, for the kill -9 test: {@code SqsServerMain <dataDir> <port>}.
 * Prints {@code READY <endpoint> <accessKeyId> <secret>} once it answers, then runs until killed.
 */
public final class SqsServerMain {
  private SqsServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[1]);
    AwsGatewayModule gateway = new AwsGatewayModule(List.of(new SqsService()));
    Node node = Node.start(Config.forTest(Path.of(args[0])).withDev(false).with(b -> b.awsPort = port), List.of(gateway));
    AccessKey key = node.platform().identity().keys().getFirst();
    System.out.println("READY " + gateway.endpoint() + " " + key.accessKeyId() + " " + key.secretAccessKey());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}

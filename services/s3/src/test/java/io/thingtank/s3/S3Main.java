package io.thingtank.s3;

import io.thingtank.core.Config;
import io.thingtank.core.Node;
import io.thingtank.edge.aws.AwsGatewayModule;
import java.nio.file.Path;
import java.util.List;

/** A ThingTank S3 node in its own process (for kill -9 tests): {@code S3Main DATA_DIR PORT}; prints READY. */
public final class S3Main {
  private S3Main() {}

  public static void main(String[] args) throws Exception {
    AwsGatewayModule gateway = new AwsGatewayModule(List.of(new S3Service()));
    Node.start(Config.forTest(Path.of(args[0])).with(b -> b.awsPort = Integer.parseInt(args[1])), List.of(gateway));
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}

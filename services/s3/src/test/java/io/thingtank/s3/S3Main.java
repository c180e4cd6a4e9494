package io.thingtank.s3;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.core.Config;
import io.thingtank.core.Node;
import io.thingtank.edge.aws.AwsGatewayModule;
import java.nio.file.Path;
import java.util.List;

/**
 * A ThingTank S3 node in its own process (kill -9 tests, conformance runs): {@code S3Main DATA_DIR
 * PORT [keys]}; with {@code keys} it makes sure two access keys exist and prints them as
 * {@code KEY id secret canonicalUserId displayName}; then prints READY. System properties
 * {@code thingtank.s3.lifecycleDayMillis} and {@code thingtank.s3.lifecyclePeriodMillis} set those
 * knobs of the {@code s3} config section.
 */
public final class S3Main {
  private S3Main() {}

  public static void main(String[] args) throws Exception {
    AwsGatewayModule gateway = new AwsGatewayModule(List.of(new S3Service()));
    ObjectNode s3 = JsonNodeFactory.instance.objectNode();
    for (String knob : List.of("lifecycleDayMillis", "lifecyclePeriodMillis")) {
      String v = System.getProperty("thingtank.s3." + knob);
      if (v != null) s3.put(knob, Long.parseLong(v));
    }
    Node node = Node.start(Config.forTest(Path.of(args[0])).with(b -> b.awsPort = Integer.parseInt(args[1]))
        .withSection("s3", s3), List.of(gateway));
    if (args.length > 2 && args[2].equals("keys")) {
      var identity = node.platform().identity();
      if (identity.keys().size() < 2) identity.create("alt");
      var users = new io.thingtank.s3.access.Principals(identity::keys);
      for (var k : identity.keys()) {
        var user = users.byId(io.thingtank.aws.auth.SigV4Verifier.sha256Hex("thingtank-owner:" + k.accessKeyId()))
            .orElseThrow();
        System.out.println("KEY " + k.accessKeyId() + " " + k.secretAccessKey() + " " + user.id() + " "
            + user.displayName().replace(' ', '_'));
      }
    }
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}

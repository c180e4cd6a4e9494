package io.thingtank.server;

import io.thingtank.core.ServiceModule;
import io.thingtank.edge.aws.AwsGatewayModule;
import io.thingtank.edge.web.WebModule;
import io.thingtank.sqs.SqsService;
import java.util.List;

/**
 * The modules of a full ThingTank, in start order: the bus (WAMP) first since others publish
 * into it, the web port last since it serves what the others mounted.
 */
final class Modules {
  private Modules() {}

  static List<ServiceModule> all() {
    return List.of(
        new AwsGatewayModule(List.of(new SqsService())),
        new WebModule());
  }
}

package io.thingtank.server;

import io.thingtank.core.ServiceModule;
import io.thingtank.devices.DevicesModule;
import io.thingtank.edge.aws.AwsGatewayModule;
import io.thingtank.edge.web.WebModule;
import io.thingtank.mqtt.MqttModule;
import io.thingtank.s3.S3Service;
import io.thingtank.sqs.SqsService;
import io.thingtank.wamp.WampModule;
import java.util.List;

/**
 * The modules of a full ThingTank, in start order: the bus (WAMP) first since others publish
 * into it, the device hub before MQTT (which authenticates devices through it), the web port
 * last since it serves what the others mounted.
 */
final class Modules {
  private Modules() {}

  static List<ServiceModule> all() {
    return List.of(
        new WampModule(),
        new DevicesModule(),
        new MqttModule(),
        new AwsGatewayModule(List.of(new SqsService(), new S3Service())),
        new WebModule());
  }
}

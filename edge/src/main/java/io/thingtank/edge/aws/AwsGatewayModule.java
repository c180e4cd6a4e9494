package io.thingtank.edge.aws;

import io.thingtank.aws.AwsService;
import io.thingtank.core.Platform;
import io.thingtank.core.ServiceModule;
import io.thingtank.core.net.Endpoints;
import io.thingtank.core.net.ListenerDeployer;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Every AWS API on one port (4566): starts the given services, then one gateway verticle per
 * event loop. Stops the listeners first, then the services.
 */
public final class AwsGatewayModule implements ServiceModule {
  private final List<AwsService> services;
  private Platform platform;
  private ListenerDeployer.Deployed deployed;

  public AwsGatewayModule(List<AwsService> services) { this.services = List.copyOf(services); }

  @Override public String name() { return "aws"; }

  @Override
  public Future<?> start(Platform p) {
    this.platform = p;
    List<Future<?>> starts = new ArrayList<>();
    for (AwsService s : services) starts.add(s.start(p));
    return Future.all(starts).compose(v -> {
      AwsGateway gateway = new AwsGateway(p, services);
      return ListenerDeployer.deploy(p.vertx(), p.config().awsPort(), ListenerDeployer.defaultInstances(),
          port -> new AwsGatewayVerticle(p.config().host(), port, gateway));
    }).onSuccess(d -> deployed = d);
  }

  @Override
  public Future<?> stop() {
    Future<?> listeners = deployed == null ? Future.succeededFuture() : deployed.undeploy(platform.vertx());
    return listeners.eventually(() -> {
      List<Future<?>> stops = new ArrayList<>();
      for (AwsService s : services) stops.add(s.stop());
      return Future.join(stops);
    });
  }

  /** The bound port (differs from the config when it asked for 0). */
  public int port() { return deployed.port(); }

  /** The base URL clients use as their endpoint. */
  public String endpoint() {
    return "http://" + Endpoints.displayHost(platform.config().host()) + ":" + port();
  }

  @Override
  public List<String> endpoints() {
    List<String> lines = new ArrayList<>();
    for (AwsService s : services) {
      lines.add(Endpoints.line("AWS " + s.model().signingName().toUpperCase(java.util.Locale.ROOT), endpoint()));
    }
    return lines;
  }
}

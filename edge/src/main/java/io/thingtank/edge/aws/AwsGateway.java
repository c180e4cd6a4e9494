package io.thingtank.edge.aws;

import io.thingtank.aws.AwsService;
import io.thingtank.aws.auth.SigV4Verifier;
import io.thingtank.core.Clock;
import io.thingtank.core.Ids;
import io.thingtank.core.Platform;
import io.thingtank.core.identity.AccessKey;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every gateway verticle instance shares: the services, their dispatchers, the resolver
 * and the SigV4 verifier. Immutable after construction; thread-safe.
 */
final class AwsGateway {
  private final Platform platform;
  private final List<AwsService> services;
  private final ServiceResolver resolver;
  private final SigV4Verifier verifier;
  private final Map<AwsService, OperationDispatcher> dispatchers = new IdentityHashMap<>();

  AwsGateway(Platform platform, List<AwsService> services) {
    this.platform = platform;
    this.services = List.copyOf(services);
    this.resolver = new ServiceResolver(services);
    this.verifier = new SigV4Verifier(
        id -> platform.identity().find(id).map(AccessKey::secretAccessKey).orElse(null),
        platform.clock(), platform.config().dev());
    for (AwsService s : services) dispatchers.put(s, new OperationDispatcher(s.handlers()));
  }

  ServiceResolver resolver() { return resolver; }
  SigV4Verifier verifier() { return verifier; }
  OperationDispatcher dispatcher(AwsService s) { return dispatchers.get(s); }
  Ids ids() { return platform.ids(); }
  Clock clock() { return platform.clock(); }
  String accountId() { return platform.accountId(); }
  String region() { return platform.config().region(); }

  /** {@code GET /_thingtank/health} (and LocalStack's {@code /_localstack/health}, which tools poll). */
  boolean isHealthCheck(HttpServerRequest http) {
    String p = http.path();
    return "GET".equals(http.method().name()) && (p.equals("/_thingtank/health") || p.equals("/_localstack/health"));
  }

  void health(HttpServerRequest http) {
    JsonObject states = new JsonObject();
    for (AwsService s : services) states.put(s.model().signingName(), "running");
    http.response().putHeader("content-type", "application/json")
        .end(new JsonObject().put("edition", "thingtank").put("services", states).encode());
  }
}

package io.thingtank.edge.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.aws.AwsProtocol;
import io.thingtank.aws.AwsService;
import io.thingtank.aws.AwsServiceModel;
import io.thingtank.aws.OperationHandler;
import io.thingtank.core.Platform;
import io.thingtank.aws.protocol.AwsHttpRequest;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every way the shared AWS port tells services apart. */
class ServiceResolverTest {
  static AwsService service(String signingName, String target, String smithy, AwsProtocol... protocols) {
    AwsServiceModel model = new AwsServiceModel(signingName, target, Set.of(protocols), "2012-11-05", "urn:x",
        "software.amazon.awssdk.services." + signingName + ".model", false, smithy);
    return new AwsService() {
      @Override public AwsServiceModel model() { return model; }
      @Override public Future<?> start(Platform platform) { return Future.succeededFuture(); }
      @Override public List<OperationHandler<?, ?>> handlers() { return List.of(); }
      @Override public String toString() { return signingName; }
    };
  }

  final AwsService sqs = service("sqs", "AmazonSQS", null, AwsProtocol.AWS_JSON_1_0, AwsProtocol.AWS_QUERY);
  final AwsService dynamodb = service("dynamodb", "DynamoDB_20120810", null, AwsProtocol.AWS_JSON_1_0);
  final AwsService monitoring = service("monitoring", null, "GraniteServiceVersion20100801", AwsProtocol.RPC_V2_CBOR);
  final AwsService s3 = service("s3", null, null, AwsProtocol.REST_XML);
  final ServiceResolver resolver = new ServiceResolver(List.of(sqs, dynamodb, monitoring, s3));

  @Test
  void targetHeaderPicksByPrefix() {
    assertThat(resolver.resolve(req("POST", "/", null, Map.of("x-amz-target", "DynamoDB_20120810.PutItem"), ""))).isSameAs(dynamodb);
    assertThat(resolver.resolve(req("POST", "/", null, Map.of("x-amz-target", "AmazonSQS.SendMessage"), ""))).isSameAs(sqs);
    assertThat(resolver.resolve(req("POST", "/", null, Map.of("x-amz-target", "Kinesis_20131202.PutRecord"), ""))).isNull();
  }

  @Test
  void smithyRpcPathPicksByServiceShape() {
    assertThat(resolver.resolve(req("POST", "/service/GraniteServiceVersion20100801/operation/PutMetricData", null,
        Map.of("smithy-protocol", "rpc-v2-cbor"), ""))).isSameAs(monitoring);
  }

  @Test
  void credentialScopePicksBySigningName() {
    String auth = "AWS4-HMAC-SHA256 Credential=AKIAX/20261124/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=00";
    assertThat(resolver.resolve(req("POST", "/", null, Map.of("authorization", auth), ""))).isSameAs(sqs);
    assertThat(resolver.resolve(req("GET", "/bucket/key", "X-Amz-Credential=AKIAX%2F20261124%2Fus-east-1%2Fs3%2Faws4_request",
        Map.of(), ""))).isSameAs(s3);
  }

  @Test
  void hostNameAndQueryActionAndRestFallback() {
    assertThat(resolver.resolve(req("GET", "/", null, Map.of("host", "sqs.us-east-1.localhost:4566"), ""))).isSameAs(sqs);
    assertThat(resolver.resolve(req("POST", "/", null, Map.of("content-type", "application/x-www-form-urlencoded"),
        "Action=ListQueues"))).isSameAs(sqs);
    assertThat(resolver.resolve(req("GET", "/", "Action=ListQueues", Map.of(), ""))).isSameAs(sqs);
    assertThat(resolver.resolve(req("PUT", "/bucket/key", null, Map.of("host", "localhost:4566"), "data"))).isSameAs(s3);
  }

  @Test
  void formPostIsAQueryCallEvenBeforeTheBodyIsRead() {
    AwsHttpRequest head = new AwsHttpRequest("POST", "/", null,
        Map.of("content-type", List.of("application/x-www-form-urlencoded")), null);
    assertThat(resolver.resolve(head)).isSameAs(sqs);
  }

  private static AwsHttpRequest req(String method, String path, String query, Map<String, String> headers, String body) {
    Map<String, List<String>> h = new HashMap<>();
    headers.forEach((k, v) -> h.put(k, List.of(v)));
    return new AwsHttpRequest(method, path, query, h, body.getBytes(StandardCharsets.UTF_8));
  }
}

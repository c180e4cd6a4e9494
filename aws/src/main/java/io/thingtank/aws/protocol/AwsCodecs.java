package io.thingtank.aws.protocol;

import io.thingtank.aws.AwsError;
import io.thingtank.aws.AwsProtocol;
import io.thingtank.aws.AwsServiceModel;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the codec for a request among the protocols a service accepts, from the request alone:
 * {@code smithy-protocol: rpc-v2-cbor} -> rpc-v2-cbor; {@code X-Amz-Target} -> awsJson 1.0/1.1 by
 * content type, or Kinesis CBOR for {@code application/x-amz-cbor-1.1}; an {@code Action}
 * parameter -> awsQuery or ec2Query; otherwise restXml through the service's operation table.
 * Services whose query names the SDK metadata lacks get their named subclass (SQS:
 * {@link SqsQueryCodec}). Thread-safe; codecs are shared singletons.
 */
public final class AwsCodecs {
  private static final Map<String, AwsQueryCodec> QUERY_CODECS = Map.of("sqs", SqsQueryCodec.sqsInstance());
  private static final Map<String, Optional<RestXmlCodec>> REST_XML = new ConcurrentHashMap<>();

  private AwsCodecs() {}

  /** The codec for this request, or null when it fits no protocol the service accepts. */
  public static AwsCodec select(AwsServiceModel model, AwsHttpRequest request) {
    Set<AwsProtocol> accepted = model.protocols();
    String smithyProtocol = request.header("smithy-protocol");
    if (smithyProtocol != null) {
      return "rpc-v2-cbor".equals(smithyProtocol) && accepted.contains(AwsProtocol.RPC_V2_CBOR)
          ? RpcV2CborCodec.instance() : null;
    }
    if (request.header("x-amz-target") != null) return jsonCodec(accepted, request.header("content-type"));
    if ((accepted.contains(AwsProtocol.AWS_QUERY) || accepted.contains(AwsProtocol.EC2_QUERY)) && hasAction(request)) {
      if (accepted.contains(AwsProtocol.EC2_QUERY)) return Ec2QueryCodec.ec2Instance();
      return QUERY_CODECS.getOrDefault(model.signingName(), AwsQueryCodec.instance());
    }
    if (accepted.contains(AwsProtocol.REST_XML)) return restXml(model.signingName());
    return null;
  }

  private static AwsCodec jsonCodec(Set<AwsProtocol> accepted, String contentType) {
    String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    boolean v10 = accepted.contains(AwsProtocol.AWS_JSON_1_0);
    boolean v11 = accepted.contains(AwsProtocol.AWS_JSON_1_1);
    if (ct.startsWith("application/x-amz-cbor-1.1")) return v11 ? AwsJsonCodec.kinesisCbor() : null;
    if (ct.startsWith("application/x-amz-json-1.1")) return v11 ? AwsJsonCodec.json11() : null;
    if (ct.startsWith("application/x-amz-json-1.0")) return v10 ? AwsJsonCodec.json10() : null;
    if (ct.isEmpty() || ct.startsWith("application/json")) {
      return v10 ? AwsJsonCodec.json10() : v11 ? AwsJsonCodec.json11() : null;
    }
    return null;
  }

  private static boolean hasAction(AwsHttpRequest request) {
    try {
      return new QueryParams(request).has("Action");
    } catch (AwsError malformed) {
      return true; // a form we cannot decode: let the query codec answer MalformedQueryString
    }
  }

  /** The restXml codec over {@code /operations/<signingName>.tsv}; null if there is no table. */
  private static RestXmlCodec restXml(String signingName) {
    return REST_XML.computeIfAbsent(signingName, name -> {
      try {
        return Optional.of(new RestXmlCodec(OperationTable.load(name)));
      } catch (IllegalArgumentException noTable) {
        return Optional.empty();
      }
    }).orElse(null);
  }
}

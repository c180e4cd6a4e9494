package io.thingtank.aws.protocol;

import io.thingtank.aws.AwsError;
import io.thingtank.aws.AwsErrors;
import io.thingtank.aws.AwsServiceModel;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;

/**
 * Smithy RPC v2 CBOR ({@code smithy.protocols#rpcv2Cbor}): {@code POST /service/<Service>/operation/<Op>},
 * header {@code smithy-protocol: rpc-v2-cbor}, CBOR bodies ({@code application/cbor}), timestamps
 * as tag 1 + epoch seconds, errors as {@code {"__type", "message"}}. Query-compatible services
 * (CloudWatch) also get {@code x-amzn-query-error}. Stateless and thread-safe.
 */
public class RpcV2CborCodec implements AwsCodec {
  private static final RpcV2CborCodec INSTANCE = new RpcV2CborCodec();
  private static final String CONTENT_TYPE = "application/cbor";

  private final JsonShapeReader reader = new JsonShapeReader(Format.UNIX_TIMESTAMP);
  private final JsonShapeWriter writer = new JsonShapeWriter(Format.UNIX_TIMESTAMP);

  protected RpcV2CborCodec() {}

  public static RpcV2CborCodec instance() { return INSTANCE; }

  @Override
  public AwsCall decode(AwsServiceModel service, AwsHttpRequest request) {
    if (!"POST".equals(request.method())) throw methodNotAllowed();
    // rpcv2Cbor spec "Requests": the path ends with /service/{serviceName}/operation/{operationName}
    String path = request.rawPath();
    int op = path.lastIndexOf("/operation/");
    int svc = path.lastIndexOf("/service/", op);
    if (op < 0 || svc < 0) throw AwsErrors.unknownOperation(path);
    String serviceName = path.substring(svc + "/service/".length(), op);
    String operation = path.substring(op + "/operation/".length());
    if (service.smithyService() != null && !service.smithyService().equals(serviceName)) {
      throw AwsErrors.unknownOperation(path);
    }
    SdkPojo builder = ModelClasses.requestBuilder(service.modelPackage(), operation,
        () -> AwsErrors.unknownOperation(operation));
    reader.readStruct(builder, JsonBodies.CBOR.parse(request.body()));
    return new AwsCall(operation, Pojos.build(builder));
  }

  @Override
  public AwsHttpResponse encode(AwsServiceModel service, String operation, SdkResponse response, String requestId) {
    return new AwsHttpResponse(200, headers(requestId), JsonBodies.CBOR.write(writer, response));
  }

  @Override
  public AwsHttpResponse encodeError(AwsServiceModel service, String operation, AwsError error, String requestId) {
    Map<String, String> headers = headers(requestId);
    if (service.queryCompatible()) headers.put("x-amzn-query-error", error.queryCode() + ";" + error.faultType());
    return new AwsHttpResponse(error.status(), headers, JsonBodies.CBOR.writeError(error));
  }

  private static AwsError methodNotAllowed() {
    return new AwsError("MethodNotAllowed", "rpc-v2-cbor requests must use POST", 405);
  }

  private static Map<String, String> headers(String requestId) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("content-type", CONTENT_TYPE);
    h.put("smithy-protocol", "rpc-v2-cbor");
    h.put("x-amzn-RequestId", requestId);
    return h;
  }
}

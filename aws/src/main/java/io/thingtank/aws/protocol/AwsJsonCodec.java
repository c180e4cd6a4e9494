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
 * awsJson1_0 and awsJson1_1 (Smithy "AWS JSON 1.0/1.1 protocol"): {@code POST /}, operation in
 * {@code X-Amz-Target: <prefix>.<Op>}, the input structure as the JSON body, errors as
 * {@code {"__type", "message"}} with the error's status. Timestamps are epoch seconds.
 * The {@link #kinesisCbor()} variant is the same protocol over CBOR
 * ({@code application/x-amz-cbor-1.1}, timestamps tag 1 + epoch millis as the SDK sends them).
 * For services marked {@code @awsQueryCompatible} (SQS), errors also carry
 * {@code x-amzn-query-error: <queryCode>;<Sender|Receiver>}. Stateless and thread-safe.
 */
public class AwsJsonCodec implements AwsCodec {
  private static final AwsJsonCodec JSON_1_0 = new AwsJsonCodec("application/x-amz-json-1.0", JsonBodies.JSON, Format.UNIX_TIMESTAMP);
  private static final AwsJsonCodec JSON_1_1 = new AwsJsonCodec("application/x-amz-json-1.1", JsonBodies.JSON, Format.UNIX_TIMESTAMP);
  private static final AwsJsonCodec CBOR_1_1 = new AwsJsonCodec("application/x-amz-cbor-1.1", JsonBodies.CBOR, Format.UNIX_TIMESTAMP_MILLIS);

  private final String contentType;
  private final JsonBodies bodies;
  private final JsonShapeReader reader;
  private final JsonShapeWriter writer;

  protected AwsJsonCodec(String contentType, JsonBodies bodies, Format numericTime) {
    this.contentType = contentType;
    this.bodies = bodies;
    this.reader = new JsonShapeReader(numericTime);
    this.writer = new JsonShapeWriter(numericTime);
  }

  public static AwsJsonCodec json10() { return JSON_1_0; }

  public static AwsJsonCodec json11() { return JSON_1_1; }

  public static AwsJsonCodec kinesisCbor() { return CBOR_1_1; }

  @Override
  public AwsCall decode(AwsServiceModel service, AwsHttpRequest request) {
    String target = request.header("x-amz-target");
    if (target == null) throw AwsErrors.unknownOperation("(no X-Amz-Target header)");
    String prefix = service.targetPrefix() + ".";
    if (!target.startsWith(prefix)) throw AwsErrors.unknownOperation(target);
    String operation = target.substring(prefix.length());
    SdkPojo builder = ModelClasses.requestBuilder(service.modelPackage(), operation,
        () -> AwsErrors.unknownOperation(target));
    reader.readStruct(builder, bodies.parse(request.body()));
    return new AwsCall(operation, Pojos.build(builder));
  }

  @Override
  public AwsHttpResponse encode(AwsServiceModel service, String operation, SdkResponse response, String requestId) {
    return new AwsHttpResponse(200, headers(requestId), bodies.write(writer, response));
  }

  @Override
  public AwsHttpResponse encodeError(AwsServiceModel service, String operation, AwsError error, String requestId) {
    Map<String, String> headers = headers(requestId);
    if (service.queryCompatible()) headers.put("x-amzn-query-error", error.queryCode() + ";" + error.faultType());
    return new AwsHttpResponse(error.status(), headers, bodies.writeError(error));
  }

  private Map<String, String> headers(String requestId) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("content-type", contentType);
    h.put("x-amzn-RequestId", requestId);
    return h;
  }
}

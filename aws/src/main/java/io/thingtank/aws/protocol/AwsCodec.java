package io.thingtank.aws.protocol;

import io.thingtank.aws.AwsError;
import io.thingtank.aws.AwsServiceModel;
import software.amazon.awssdk.core.SdkResponse;

/**
 * One AWS wire protocol: HTTP request to typed SDK request, typed SDK response or error to
 * HTTP response. Driven by the SDK model classes' {@code SdkField} metadata; no code per
 * operation. Stateless and thread-safe.
 */
public interface AwsCodec {
  /** Parses a request; throws {@link AwsError} (SerializationException, InvalidAction, ...) on bad input. */
  AwsCall decode(AwsServiceModel service, AwsHttpRequest request);

  AwsHttpResponse encode(AwsServiceModel service, String operation, SdkResponse response, String requestId);

  /** Renders an error in this protocol's error shape; {@code operation} may be null if unknown. */
  AwsHttpResponse encodeError(AwsServiceModel service, String operation, AwsError error, String requestId);
}

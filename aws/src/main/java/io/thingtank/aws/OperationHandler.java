package io.thingtank.aws;

import io.vertx.core.Future;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * One AWS operation: a typed request in, a typed response (or an {@link AwsError}) out.
 * Runs on a Vert.x event loop: must not block (stores run blocking work on their executor).
 */
public interface OperationHandler<Q extends SdkRequest, R extends SdkResponse> {
  Class<Q> requestType();

  Future<R> handle(RequestContext ctx, Q request);
}

package io.thingtank.edge.aws;

import io.thingtank.aws.AwsErrors;
import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/** Finds the handler of a decoded request by its SDK request class. Immutable; thread-safe. */
final class OperationDispatcher {
  private final Map<Class<?>, OperationHandler<?, ?>> handlers = new HashMap<>();

  OperationDispatcher(List<OperationHandler<?, ?>> list) {
    for (OperationHandler<?, ?> h : list) handlers.put(h.requestType(), h);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  Future<SdkResponse> dispatch(RequestContext ctx, String operation, SdkRequest request) {
    OperationHandler h = handlers.get(request.getClass());
    if (h == null) return Future.failedFuture(AwsErrors.notImplemented(operation));
    try {
      return (Future<SdkResponse>) h.handle(ctx, request);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}

package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.engine.Queues;
import io.thingtank.sqs.model.QueuePolicies;
import io.vertx.core.Future;
import software.amazon.awssdk.services.sqs.model.RemovePermissionRequest;
import software.amazon.awssdk.services.sqs.model.RemovePermissionResponse;

/** SQS RemovePermission: drops the statement with the label from the Policy attribute. Event loop. */
public final class RemovePermissionHandler implements OperationHandler<RemovePermissionRequest, RemovePermissionResponse> {
  private final Queues queues;

  public RemovePermissionHandler(Queues queues) { this.queues = queues; }

  @Override public Class<RemovePermissionRequest> requestType() { return RemovePermissionRequest.class; }

  @Override
  public Future<RemovePermissionResponse> handle(RequestContext ctx, RemovePermissionRequest req) {
    var q = queues.require(ctx.accountId(), req.queueUrl());
    long now = queues.now();
    return queues.update(q, cur -> QueuePolicies.removePermission(cur, req.label(), now))
        .map(x -> RemovePermissionResponse.builder().build());
  }
}

package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.engine.Queues;
import io.thingtank.sqs.model.QueuePolicies;
import io.vertx.core.Future;
import software.amazon.awssdk.services.sqs.model.AddPermissionRequest;
import software.amazon.awssdk.services.sqs.model.AddPermissionResponse;

/** SQS AddPermission: a labelled Allow statement in the queue's Policy attribute. Event loop. */
public final class AddPermissionHandler implements OperationHandler<AddPermissionRequest, AddPermissionResponse> {
  private final Queues queues;

  public AddPermissionHandler(Queues queues) { this.queues = queues; }

  @Override public Class<AddPermissionRequest> requestType() { return AddPermissionRequest.class; }

  @Override
  public Future<AddPermissionResponse> handle(RequestContext ctx, AddPermissionRequest req) {
    var q = queues.require(ctx.accountId(), req.queueUrl());
    long now = queues.now();
    return queues.update(q, cur -> QueuePolicies.addPermission(cur, req.label(), req.awsAccountIds(), req.actions(), now))
        .map(x -> AddPermissionResponse.builder().build());
  }
}

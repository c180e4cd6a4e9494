package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.SqsErrors;
import io.thingtank.sqs.engine.MessageMoveTasks;
import io.vertx.core.Future;
import software.amazon.awssdk.services.sqs.model.CancelMessageMoveTaskRequest;
import software.amazon.awssdk.services.sqs.model.CancelMessageMoveTaskResponse;

/** SQS CancelMessageMoveTask: stops a running task; moved messages stay moved. Event loop. */
public final class CancelMessageMoveTaskHandler
    implements OperationHandler<CancelMessageMoveTaskRequest, CancelMessageMoveTaskResponse> {
  private final MessageMoveTasks tasks;

  public CancelMessageMoveTaskHandler(MessageMoveTasks tasks) { this.tasks = tasks; }

  @Override public Class<CancelMessageMoveTaskRequest> requestType() { return CancelMessageMoveTaskRequest.class; }

  @Override
  public Future<CancelMessageMoveTaskResponse> handle(RequestContext ctx, CancelMessageMoveTaskRequest req) {
    if (req.taskHandle() == null) throw SqsErrors.missingParameter("TaskHandle");
    long moved = tasks.cancel(req.taskHandle());
    return Future.succeededFuture(CancelMessageMoveTaskResponse.builder().approximateNumberOfMessagesMoved(moved).build());
  }
}

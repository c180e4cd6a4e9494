package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.engine.Queues;
import io.vertx.core.Future;
import software.amazon.awssdk.services.sqs.model.DeleteQueueRequest;
import software.amazon.awssdk.services.sqs.model.DeleteQueueResponse;

/** SQS DeleteQueue: the queue and its messages go at once; the name is blocked for 60 s. Event loop. */
public final class DeleteQueueHandler implements OperationHandler<DeleteQueueRequest, DeleteQueueResponse> {
  private final Queues queues;

  public DeleteQueueHandler(Queues queues) { this.queues = queues; }

  @Override public Class<DeleteQueueRequest> requestType() { return DeleteQueueRequest.class; }

  @Override
  public Future<DeleteQueueResponse> handle(RequestContext ctx, DeleteQueueRequest req) {
    return queues.delete(queues.require(ctx.accountId(), req.queueUrl()))
        .map(v -> DeleteQueueResponse.builder().build());
  }
}

package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.SqsErrors;
import io.thingtank.sqs.engine.Queues;
import io.vertx.core.Future;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageResponse;

/**
 * SQS DeleteMessage. A handle from an earlier receive of a message received again succeeds
 * without deleting, as SQS documents. Event loop.
 */
public final class DeleteMessageHandler implements OperationHandler<DeleteMessageRequest, DeleteMessageResponse> {
  private final Queues queues;

  public DeleteMessageHandler(Queues queues) { this.queues = queues; }

  @Override public Class<DeleteMessageRequest> requestType() { return DeleteMessageRequest.class; }

  @Override
  public Future<DeleteMessageResponse> handle(RequestContext ctx, DeleteMessageRequest req) {
    var q = queues.require(ctx.accountId(), req.queueUrl());
    if (req.receiptHandle() == null) throw SqsErrors.missingParameter("ReceiptHandle");
    return queues.delete(q, List.of(req.receiptHandle())).compose(errors -> errors.getFirst() == null
        ? Future.succeededFuture(DeleteMessageResponse.builder().build())
        : Future.failedFuture(errors.getFirst()));
  }
}

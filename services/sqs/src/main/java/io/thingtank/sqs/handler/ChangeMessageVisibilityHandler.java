package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.SqsErrors;
import io.thingtank.sqs.engine.Queues;
import io.thingtank.sqs.engine.Queues.VisibilityChange;
import io.vertx.core.Future;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;

/** SQS ChangeMessageVisibility: 0 to 43200 s from now, for a message in flight. Event loop. */
public final class ChangeMessageVisibilityHandler
    implements OperationHandler<ChangeMessageVisibilityRequest, ChangeMessageVisibilityResponse> {
  private final Queues queues;

  public ChangeMessageVisibilityHandler(Queues queues) { this.queues = queues; }

  @Override public Class<ChangeMessageVisibilityRequest> requestType() { return ChangeMessageVisibilityRequest.class; }

  @Override
  public Future<ChangeMessageVisibilityResponse> handle(RequestContext ctx, ChangeMessageVisibilityRequest req) {
    var q = queues.require(ctx.accountId(), req.queueUrl());
    if (req.receiptHandle() == null) throw SqsErrors.missingParameter("ReceiptHandle");
    VisibilityChange change = new VisibilityChange(req.receiptHandle(), timeout(req.visibilityTimeout()));
    return queues.changeVisibility(q, List.of(change)).compose(errors -> errors.getFirst() == null
        ? Future.succeededFuture(ChangeMessageVisibilityResponse.builder().build())
        : Future.failedFuture(errors.getFirst()));
  }

  static int timeout(Integer seconds) {
    if (seconds == null) throw SqsErrors.missingParameter("VisibilityTimeout");
    if (seconds < 0 || seconds > 43_200) {
      throw SqsErrors.invalidParameter("VisibilityTimeout", seconds, "Must be between 0 and 43200, if provided.");
    }
    return seconds;
  }
}

package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.SqsErrors;
import io.thingtank.sqs.engine.Queues;
import io.thingtank.sqs.model.Queue;
import io.vertx.core.Future;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;

/** SQS GetQueueUrl. Event loop. */
public final class GetQueueUrlHandler implements OperationHandler<GetQueueUrlRequest, GetQueueUrlResponse> {
  private final Queues queues;

  public GetQueueUrlHandler(Queues queues) { this.queues = queues; }

  @Override public Class<GetQueueUrlRequest> requestType() { return GetQueueUrlRequest.class; }

  @Override
  public Future<GetQueueUrlResponse> handle(RequestContext ctx, GetQueueUrlRequest req) {
    if (req.queueName() == null) throw SqsErrors.missingParameter("QueueName");
    String owner = req.queueOwnerAWSAccountId() != null ? req.queueOwnerAWSAccountId() : ctx.accountId();
    Queue q = queues.find(owner, req.queueName());
    if (q == null) throw SqsErrors.queueDoesNotExist();
    return Future.succeededFuture(GetQueueUrlResponse.builder().queueUrl(q.url(ctx.endpoint())).build());
  }
}

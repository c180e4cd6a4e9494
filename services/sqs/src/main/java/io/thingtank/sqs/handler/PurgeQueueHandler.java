package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.engine.Queues;
import io.vertx.core.Future;
import software.amazon.awssdk.services.sqs.model.PurgeQueueRequest;
import software.amazon.awssdk.services.sqs.model.PurgeQueueResponse;

/** SQS PurgeQueue: at most once per 60 s per queue (else PurgeQueueInProgress). Event loop. */
public final class PurgeQueueHandler implements OperationHandler<PurgeQueueRequest, PurgeQueueResponse> {
  private final Queues queues;

  public PurgeQueueHandler(Queues queues) { this.queues = queues; }

  @Override public Class<PurgeQueueRequest> requestType() { return PurgeQueueRequest.class; }

  @Override
  public Future<PurgeQueueResponse> handle(RequestContext ctx, PurgeQueueRequest req) {
    var q = queues.require(ctx.accountId(), req.queueUrl());
    return queues.purge(q, q.url(ctx.endpoint())).map(v -> PurgeQueueResponse.builder().build());
  }
}

package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.engine.Queues;
import io.vertx.core.Future;
import software.amazon.awssdk.services.sqs.model.ListQueueTagsRequest;
import software.amazon.awssdk.services.sqs.model.ListQueueTagsResponse;

/** SQS ListQueueTags. Event loop. */
public final class ListQueueTagsHandler implements OperationHandler<ListQueueTagsRequest, ListQueueTagsResponse> {
  private final Queues queues;

  public ListQueueTagsHandler(Queues queues) { this.queues = queues; }

  @Override public Class<ListQueueTagsRequest> requestType() { return ListQueueTagsRequest.class; }

  @Override
  public Future<ListQueueTagsResponse> handle(RequestContext ctx, ListQueueTagsRequest req) {
    var q = queues.require(ctx.accountId(), req.queueUrl());
    return Future.succeededFuture(ListQueueTagsResponse.builder().tags(q.tags()).build());
  }
}

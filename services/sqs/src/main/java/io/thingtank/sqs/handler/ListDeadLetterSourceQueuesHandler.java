package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.engine.Queues;
import io.vertx.core.Future;
import software.amazon.awssdk.services.sqs.model.ListDeadLetterSourceQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListDeadLetterSourceQueuesResponse;

/** SQS ListDeadLetterSourceQueues: queues whose RedrivePolicy targets this queue. Event loop. */
public final class ListDeadLetterSourceQueuesHandler
    implements OperationHandler<ListDeadLetterSourceQueuesRequest, ListDeadLetterSourceQueuesResponse> {
  private final Queues queues;

  public ListDeadLetterSourceQueuesHandler(Queues queues) { this.queues = queues; }

  @Override public Class<ListDeadLetterSourceQueuesRequest> requestType() { return ListDeadLetterSourceQueuesRequest.class; }

  @Override
  public Future<ListDeadLetterSourceQueuesResponse> handle(RequestContext ctx, ListDeadLetterSourceQueuesRequest req) {
    var dlq = queues.require(ctx.accountId(), req.queueUrl());
    Pages.Page page = Pages.page(queues.deadLetterSources(dlq), req.maxResults(), req.nextToken());
    return Future.succeededFuture(ListDeadLetterSourceQueuesResponse.builder()
        .queueUrls(page.queues().stream().map(q -> q.url(ctx.endpoint())).toList())
        .nextToken(page.nextToken()).build());
  }
}

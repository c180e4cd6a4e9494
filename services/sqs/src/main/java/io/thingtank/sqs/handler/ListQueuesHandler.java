package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.engine.Queues;
import io.vertx.core.Future;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;

/** SQS ListQueues: by name prefix, paged. Event loop. */
public final class ListQueuesHandler implements OperationHandler<ListQueuesRequest, ListQueuesResponse> {
  private final Queues queues;

  public ListQueuesHandler(Queues queues) { this.queues = queues; }

  @Override public Class<ListQueuesRequest> requestType() { return ListQueuesRequest.class; }

  @Override
  public Future<ListQueuesResponse> handle(RequestContext ctx, ListQueuesRequest req) {
    Pages.Page page = Pages.page(queues.list(ctx.accountId(), req.queueNamePrefix()), req.maxResults(), req.nextToken());
    return Future.succeededFuture(ListQueuesResponse.builder()
        .queueUrls(page.queues().stream().map(q -> q.url(ctx.endpoint())).toList())
        .nextToken(page.nextToken()).build());
  }
}

package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.SqsErrors;
import io.thingtank.sqs.engine.MessageMoveTasks;
import io.thingtank.sqs.engine.Queues;
import io.thingtank.sqs.model.Queue;
import io.vertx.core.Future;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksRequest;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResponse;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;

/** SQS ListMessageMoveTasks: the latest tasks of a source queue (MaxResults 1-10, default 1). Event loop. */
public final class ListMessageMoveTasksHandler
    implements OperationHandler<ListMessageMoveTasksRequest, ListMessageMoveTasksResponse> {
  private final Queues queues;
  private final MessageMoveTasks tasks;

  public ListMessageMoveTasksHandler(Queues queues, MessageMoveTasks tasks) {
    this.queues = queues;
    this.tasks = tasks;
  }

  @Override public Class<ListMessageMoveTasksRequest> requestType() { return ListMessageMoveTasksRequest.class; }

  @Override
  public Future<ListMessageMoveTasksResponse> handle(RequestContext ctx, ListMessageMoveTasksRequest req) {
    if (req.sourceArn() == null) throw SqsErrors.missingParameter("SourceArn");
    Queue source = queues.byArn(req.sourceArn());
    if (source == null) throw SqsErrors.resourceNotFound("The resource that you specified for the SourceArn parameter doesn't exist.");
    int max = req.maxResults() == null ? 1 : req.maxResults();
    if (max < 1 || max > 10) throw SqsErrors.invalidParameter("MaxResults", max, "Must be between 1 and 10.");
    return Future.succeededFuture(ListMessageMoveTasksResponse.builder().results(tasks.list(source, max).stream()
        .map(t -> ListMessageMoveTasksResultEntry.builder().taskHandle(t.status().equals("RUNNING") ? t.handle() : null)
            .status(t.status()).sourceArn(t.sourceArn()).destinationArn(t.destinationArn())
            .maxNumberOfMessagesPerSecond(t.maxPerSecond()).approximateNumberOfMessagesMoved(t.moved())
            .approximateNumberOfMessagesToMove(t.toMove()).failureReason(t.failureReason())
            .startedTimestamp(t.startedMillis()).build())
        .toList()).build());
  }
}

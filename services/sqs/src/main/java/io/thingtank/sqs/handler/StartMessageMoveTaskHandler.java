package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.SqsErrors;
import io.thingtank.sqs.engine.MessageMoveTasks;
import io.thingtank.sqs.engine.Queues;
import io.thingtank.sqs.model.Queue;
import io.vertx.core.Future;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskRequest;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskResponse;

/** SQS StartMessageMoveTask: redrive a dead-letter queue's messages. Event loop. */
public final class StartMessageMoveTaskHandler
    implements OperationHandler<StartMessageMoveTaskRequest, StartMessageMoveTaskResponse> {
  private final Queues queues;
  private final MessageMoveTasks tasks;

  public StartMessageMoveTaskHandler(Queues queues, MessageMoveTasks tasks) {
    this.queues = queues;
    this.tasks = tasks;
  }

  @Override public Class<StartMessageMoveTaskRequest> requestType() { return StartMessageMoveTaskRequest.class; }

  @Override
  public Future<StartMessageMoveTaskResponse> handle(RequestContext ctx, StartMessageMoveTaskRequest req) {
    Queue source = arn(req.sourceArn(), "SourceArn");
    Queue destination = req.destinationArn() == null ? null : arn(req.destinationArn(), "DestinationArn");
    return tasks.start(source, destination, req.maxNumberOfMessagesPerSecond())
        .map(h -> StartMessageMoveTaskResponse.builder().taskHandle(h).build());
  }

  private Queue arn(String arn, String parameter) {
    if (arn == null) throw SqsErrors.missingParameter(parameter);
    Queue q = queues.byArn(arn);
    if (q == null) throw SqsErrors.resourceNotFound("The resource that you specified for the " + parameter
        + " parameter doesn't exist.");
    return q;
  }
}

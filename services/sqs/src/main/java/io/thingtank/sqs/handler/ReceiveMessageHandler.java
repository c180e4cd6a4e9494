package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.SqsErrors;
import io.thingtank.sqs.engine.Queues;
import io.thingtank.sqs.engine.ReceiveOptions;
import io.thingtank.sqs.model.Queue;
import io.vertx.core.Future;
import java.util.HashSet;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * SQS ReceiveMessage: up to 10 messages, long polling up to 20 s (the request's WaitTimeSeconds
 * or the queue's ReceiveMessageWaitTimeSeconds), answering as soon as a message arrives.
 * Event loop; never blocks while waiting.
 */
public final class ReceiveMessageHandler implements OperationHandler<ReceiveMessageRequest, ReceiveMessageResponse> {
  private final Queues queues;

  public ReceiveMessageHandler(Queues queues) { this.queues = queues; }

  @Override public Class<ReceiveMessageRequest> requestType() { return ReceiveMessageRequest.class; }

  @Override
  public Future<ReceiveMessageResponse> handle(RequestContext ctx, ReceiveMessageRequest req) {
    Queue q = queues.require(ctx.accountId(), req.queueUrl());
    int max = req.maxNumberOfMessages() == null ? 1 : req.maxNumberOfMessages();
    if (max < 1 || max > 10) {
      throw SqsErrors.invalidParameter("MaxNumberOfMessages", max, "Must be between 1 and 10, if provided.");
    }
    int wait = req.waitTimeSeconds() == null ? q.receiveWaitSeconds() : req.waitTimeSeconds();
    if (wait < 0 || wait > 20) {
      throw SqsErrors.invalidParameter("WaitTimeSeconds", wait, "Must be >= 0 and <= 20, if provided.");
    }
    int visibility = req.visibilityTimeout() == null ? q.visibilityTimeout() : req.visibilityTimeout();
    if (visibility < 0 || visibility > 43_200) {
      throw SqsErrors.invalidParameter("VisibilityTimeout", visibility, "Must be between 0 and 43200, if provided.");
    }
    String attemptId = req.receiveRequestAttemptId();
    if (attemptId != null && !attemptId.matches("[\\p{Alnum}\\p{Punct}]{1,128}")) {
      throw SqsErrors.invalidParameter("ReceiveRequestAttemptId", attemptId,
          "ReceiveRequestAttemptId can only include alphanumeric and punctuation characters. 1 to 128 in length.");
    }
    Set<String> system = new HashSet<>(req.attributeNamesAsStrings());
    system.addAll(req.messageSystemAttributeNamesAsStrings());
    return queues.receive(q, new ReceiveOptions(max, visibility, attemptId, wait * 1000L)).map(list ->
        ReceiveMessageResponse.builder()
            .messages(list.stream().map(r -> MessageViews.toSdk(r, system, req.messageAttributeNames(), q.fifo())).toList())
            .build());
  }
}

package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.engine.Queues;
import io.thingtank.sqs.model.QueueAttributes;
import io.vertx.core.Future;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesResponse;

/** SQS SetQueueAttributes; an empty RedrivePolicy, Policy or RedriveAllowPolicy removes it. Event loop. */
public final class SetQueueAttributesHandler
    implements OperationHandler<SetQueueAttributesRequest, SetQueueAttributesResponse> {
  private final Queues queues;

  public SetQueueAttributesHandler(Queues queues) { this.queues = queues; }

  @Override public Class<SetQueueAttributesRequest> requestType() { return SetQueueAttributesRequest.class; }

  @Override
  public Future<SetQueueAttributesResponse> handle(RequestContext ctx, SetQueueAttributesRequest req) {
    var q = queues.require(ctx.accountId(), req.queueUrl());
    var changes = req.attributesAsStrings();
    long now = queues.now();
    return queues.update(q, cur -> cur.withAttributes(QueueAttributes.forUpdate(cur.attributes(), changes, cur.fifo()), now))
        .map(x -> SetQueueAttributesResponse.builder().build());
  }
}

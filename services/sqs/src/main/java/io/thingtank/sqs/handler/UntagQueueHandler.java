package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.SqsErrors;
import io.thingtank.sqs.engine.Queues;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.UntagQueueRequest;
import software.amazon.awssdk.services.sqs.model.UntagQueueResponse;

/** SQS UntagQueue; unknown keys are ignored. Event loop. */
public final class UntagQueueHandler implements OperationHandler<UntagQueueRequest, UntagQueueResponse> {
  private final Queues queues;

  public UntagQueueHandler(Queues queues) { this.queues = queues; }

  @Override public Class<UntagQueueRequest> requestType() { return UntagQueueRequest.class; }

  @Override
  public Future<UntagQueueResponse> handle(RequestContext ctx, UntagQueueRequest req) {
    var q = queues.require(ctx.accountId(), req.queueUrl());
    if (req.tagKeys().isEmpty()) throw SqsErrors.missingParameter("TagKeys");
    return queues.update(q, cur -> {
      Map<String, String> tags = new HashMap<>(cur.tags());
      req.tagKeys().forEach(tags::remove);
      return cur.withTags(tags);
    }).map(x -> UntagQueueResponse.builder().build());
  }
}

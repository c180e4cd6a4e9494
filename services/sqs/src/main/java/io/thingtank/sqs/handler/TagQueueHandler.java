package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.SqsErrors;
import io.thingtank.sqs.engine.Queues;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.TagQueueRequest;
import software.amazon.awssdk.services.sqs.model.TagQueueResponse;

/** SQS TagQueue: adds or replaces tags, at most 50 in all. Event loop. */
public final class TagQueueHandler implements OperationHandler<TagQueueRequest, TagQueueResponse> {
  private final Queues queues;

  public TagQueueHandler(Queues queues) { this.queues = queues; }

  @Override public Class<TagQueueRequest> requestType() { return TagQueueRequest.class; }

  @Override
  public Future<TagQueueResponse> handle(RequestContext ctx, TagQueueRequest req) {
    var q = queues.require(ctx.accountId(), req.queueUrl());
    if (req.tags().isEmpty()) throw SqsErrors.missingParameter("Tags");
    Map<String, String> added = Tags.checked(req.tags());
    return queues.update(q, cur -> {
      Map<String, String> tags = new HashMap<>(cur.tags());
      tags.putAll(added);
      Tags.check(tags);
      return cur.withTags(tags);
    }).map(x -> TagQueueResponse.builder().build());
  }
}

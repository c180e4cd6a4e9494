package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.SqsErrors;
import io.thingtank.sqs.engine.QueueCounts;
import io.thingtank.sqs.engine.Queues;
import io.thingtank.sqs.model.Queue;
import io.thingtank.sqs.model.QueueAttributes;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;

/** SQS GetQueueAttributes: stored settings plus the computed ARN, counters and timestamps. Event loop. */
public final class GetQueueAttributesHandler
    implements OperationHandler<GetQueueAttributesRequest, GetQueueAttributesResponse> {
  private final Queues queues;

  public GetQueueAttributesHandler(Queues queues) { this.queues = queues; }

  @Override public Class<GetQueueAttributesRequest> requestType() { return GetQueueAttributesRequest.class; }

  @Override
  public Future<GetQueueAttributesResponse> handle(RequestContext ctx, GetQueueAttributesRequest req) {
    Queue q = queues.require(ctx.accountId(), req.queueUrl());
    List<String> names = req.attributeNamesAsStrings();
    for (String n : names) if (!QueueAttributes.known(n)) throw SqsErrors.invalidAttributeName(n);
    boolean all = names.contains(QueueAttributes.ALL);
    if (names.isEmpty()) return Future.succeededFuture(GetQueueAttributesResponse.builder().build());
    boolean needCounts = all || names.stream().anyMatch(n -> n.startsWith("ApproximateNumber"));
    Future<QueueCounts> counts = needCounts ? queues.counts(q) : Future.succeededFuture(null);
    return counts.map(c -> {
      Map<String, String> values = new TreeMap<>(q.attributes());
      values.put(QueueAttributes.QUEUE_ARN, q.arn());
      values.put(QueueAttributes.CREATED_TIMESTAMP, Long.toString(q.createdMillis() / 1000));
      values.put(QueueAttributes.LAST_MODIFIED_TIMESTAMP, Long.toString(q.modifiedMillis() / 1000));
      if (c != null) {
        values.put(QueueAttributes.APPROXIMATE_NUMBER_OF_MESSAGES, Long.toString(c.visible()));
        values.put(QueueAttributes.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, Long.toString(c.notVisible()));
        values.put(QueueAttributes.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, Long.toString(c.delayed()));
      }
      Map<String, String> out = new LinkedHashMap<>();
      values.forEach((k, v) -> {
        if (all || names.contains(k)) out.put(k, v);
      });
      return GetQueueAttributesResponse.builder().attributesWithStrings(out).build();
    });
  }
}

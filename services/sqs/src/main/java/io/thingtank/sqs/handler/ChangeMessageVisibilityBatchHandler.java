package io.thingtank.sqs.handler;

import io.thingtank.aws.AwsError;
import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.engine.Queues;
import io.thingtank.sqs.engine.Queues.VisibilityChange;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResultEntry;

/** SQS ChangeMessageVisibilityBatch: per-entry failures. Event loop. */
public final class ChangeMessageVisibilityBatchHandler
    implements OperationHandler<ChangeMessageVisibilityBatchRequest, ChangeMessageVisibilityBatchResponse> {
  private final Queues queues;

  public ChangeMessageVisibilityBatchHandler(Queues queues) { this.queues = queues; }

  @Override
  public Class<ChangeMessageVisibilityBatchRequest> requestType() { return ChangeMessageVisibilityBatchRequest.class; }

  @Override
  public Future<ChangeMessageVisibilityBatchResponse> handle(RequestContext ctx, ChangeMessageVisibilityBatchRequest req) {
    var q = queues.require(ctx.accountId(), req.queueUrl());
    List<ChangeMessageVisibilityBatchRequestEntry> entries = req.entries();
    BatchChecks.check("ChangeMessageVisibilityBatchRequestEntry", entries, ChangeMessageVisibilityBatchRequestEntry::id);
    List<BatchResultErrorEntry> failed = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<VisibilityChange> changes = new ArrayList<>();
    for (ChangeMessageVisibilityBatchRequestEntry e : entries) {
      try {
        changes.add(new VisibilityChange(e.receiptHandle(), ChangeMessageVisibilityHandler.timeout(e.visibilityTimeout())));
        ids.add(e.id());
      } catch (AwsError err) {
        failed.add(BatchChecks.failure(e.id(), err));
      }
    }
    return queues.changeVisibility(q, changes).map(errors -> {
      List<ChangeMessageVisibilityBatchResultEntry> ok = new ArrayList<>();
      for (int i = 0; i < errors.size(); i++) {
        if (errors.get(i) == null) ok.add(ChangeMessageVisibilityBatchResultEntry.builder().id(ids.get(i)).build());
        else failed.add(BatchChecks.failure(ids.get(i), errors.get(i)));
      }
      return ChangeMessageVisibilityBatchResponse.builder().successful(ok).failed(failed).build();
    });
  }
}

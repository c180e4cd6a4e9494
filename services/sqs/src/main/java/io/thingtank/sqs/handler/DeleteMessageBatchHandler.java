package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.engine.Queues;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResultEntry;

/** SQS DeleteMessageBatch: one write for the batch, per-entry failures. Event loop. */
public final class DeleteMessageBatchHandler
    implements OperationHandler<DeleteMessageBatchRequest, DeleteMessageBatchResponse> {
  private final Queues queues;

  public DeleteMessageBatchHandler(Queues queues) { this.queues = queues; }

  @Override public Class<DeleteMessageBatchRequest> requestType() { return DeleteMessageBatchRequest.class; }

  @Override
  public Future<DeleteMessageBatchResponse> handle(RequestContext ctx, DeleteMessageBatchRequest req) {
    var q = queues.require(ctx.accountId(), req.queueUrl());
    List<DeleteMessageBatchRequestEntry> entries = req.entries();
    BatchChecks.check("DeleteMessageBatchRequestEntry", entries, DeleteMessageBatchRequestEntry::id);
    return queues.delete(q, entries.stream().map(DeleteMessageBatchRequestEntry::receiptHandle).toList()).map(errors -> {
      List<DeleteMessageBatchResultEntry> ok = new ArrayList<>();
      List<BatchResultErrorEntry> failed = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        String id = entries.get(i).id();
        if (errors.get(i) == null) ok.add(DeleteMessageBatchResultEntry.builder().id(id).build());
        else failed.add(BatchChecks.failure(id, errors.get(i)));
      }
      return DeleteMessageBatchResponse.builder().successful(ok).failed(failed).build();
    });
  }
}

package io.thingtank.sqs.handler;

import io.thingtank.aws.AwsError;
import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.SqsErrors;
import io.thingtank.sqs.engine.Outgoing;
import io.thingtank.sqs.engine.Queues;
import io.thingtank.sqs.model.MessageDigests;
import io.thingtank.sqs.model.Queue;
import io.thingtank.sqs.model.QueueAttributes;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * SQS SendMessageBatch: the batch rules and the 1 MiB total first (the whole call fails), then
 * each entry checked on its own (a bad entry fails alone); the valid ones are written in one go.
 * Event loop.
 */
public final class SendMessageBatchHandler implements OperationHandler<SendMessageBatchRequest, SendMessageBatchResponse> {
  private final Queues queues;

  public SendMessageBatchHandler(Queues queues) { this.queues = queues; }

  @Override public Class<SendMessageBatchRequest> requestType() { return SendMessageBatchRequest.class; }

  @Override
  public Future<SendMessageBatchResponse> handle(RequestContext ctx, SendMessageBatchRequest req) {
    Queue q = queues.require(ctx.accountId(), req.queueUrl());
    List<SendMessageBatchRequestEntry> entries = req.entries();
    BatchChecks.check("SendMessageBatchRequestEntry", entries, SendMessageBatchRequestEntry::id);
    long total = 0;
    for (SendMessageBatchRequestEntry e : entries) total += MessageChecks.size(e.messageBody(), e.messageAttributes());
    if (total > QueueAttributes.MAX_MESSAGE_BYTES) throw SqsErrors.batchRequestTooLong(total, QueueAttributes.MAX_MESSAGE_BYTES);
    List<String> ids = new ArrayList<>();
    List<Outgoing> valid = new ArrayList<>();
    List<BatchResultErrorEntry> failed = new ArrayList<>();
    for (SendMessageBatchRequestEntry e : entries) {
      try {
        valid.add(MessageChecks.outgoing(q, e.messageBody(), e.delaySeconds(), e.messageAttributes(),
            e.messageSystemAttributesAsStrings(), e.messageGroupId(), e.messageDeduplicationId(),
            SendMessageHandler.sender(ctx)));
        ids.add(e.id());
      } catch (AwsError err) {
        failed.add(BatchChecks.failure(e.id(), err));
      }
    }
    Future<List<io.thingtank.sqs.engine.Sent>> sent = valid.isEmpty() ? Future.succeededFuture(List.of()) : queues.send(q, valid);
    return sent.map(list -> {
      List<SendMessageBatchResultEntry> ok = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Outgoing o = valid.get(i);
        ok.add(SendMessageBatchResultEntry.builder().id(ids.get(i)).messageId(list.get(i).messageId())
            .md5OfMessageBody(o.md5OfBody())
            .md5OfMessageAttributes(MessageDigests.ofAttributes(o.attributes()))
            .md5OfMessageSystemAttributes(o.traceHeader() == null ? null
                : MessageDigests.ofAttributes(Map.of("AWSTraceHeader", o.traceHeader())))
            .sequenceNumber(q.fifo() ? list.get(i).sequenceNumber() : null)
            .build());
      }
      return SendMessageBatchResponse.builder().successful(ok).failed(failed).build();
    });
  }
}

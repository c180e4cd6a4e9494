package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.engine.Outgoing;
import io.thingtank.sqs.engine.Queues;
import io.thingtank.sqs.model.MessageDigests;
import io.thingtank.sqs.model.Queue;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** SQS SendMessage. Event loop; the message is durable when the answer goes out. */
public final class SendMessageHandler implements OperationHandler<SendMessageRequest, SendMessageResponse> {
  private final Queues queues;

  public SendMessageHandler(Queues queues) { this.queues = queues; }

  @Override public Class<SendMessageRequest> requestType() { return SendMessageRequest.class; }

  @Override
  public Future<SendMessageResponse> handle(RequestContext ctx, SendMessageRequest req) {
    Queue q = queues.require(ctx.accountId(), req.queueUrl());
    Outgoing o = MessageChecks.outgoing(q, req.messageBody(), req.delaySeconds(), req.messageAttributes(),
        req.messageSystemAttributesAsStrings(), req.messageGroupId(), req.messageDeduplicationId(), sender(ctx));
    return queues.send(q, List.of(o)).map(sent -> SendMessageResponse.builder()
        .messageId(sent.getFirst().messageId())
        .md5OfMessageBody(o.md5OfBody())
        .md5OfMessageAttributes(MessageDigests.ofAttributes(o.attributes()))
        .md5OfMessageSystemAttributes(o.traceHeader() == null ? null
            : MessageDigests.ofAttributes(Map.of("AWSTraceHeader", o.traceHeader())))
        .sequenceNumber(q.fifo() ? sent.getFirst().sequenceNumber() : null)
        .build());
  }

  static String sender(RequestContext ctx) { return ctx.accessKeyId() != null ? ctx.accessKeyId() : ctx.accountId(); }
}

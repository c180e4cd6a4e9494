package io.thingtank.sqs.handler;

import io.thingtank.aws.AwsError;
import io.thingtank.core.queue.QueueSink;
import io.thingtank.sqs.engine.Outgoing;
import io.thingtank.sqs.engine.Queues;
import io.thingtank.sqs.model.Queue;
import io.vertx.core.Future;
import java.util.List;

/**
 * {@link QueueSink} over the SQS engine: the same checks and durability as SendMessage, with
 * the sending service as the sender id. Thread-safe.
 */
public final class SqsQueueSink implements QueueSink {
  private final Queues queues;
  private final String senderId;

  public SqsQueueSink(Queues queues, String senderId) {
    this.queues = queues;
    this.senderId = senderId;
  }

  @Override public boolean exists(String queueArn) { return queues.byArn(queueArn) != null; }

  @Override
  public Future<String> send(String queueArn, String body, String groupId) {
    Queue q = queues.byArn(queueArn);
    if (q == null) return Future.failedFuture(new AwsError("AWS.SimpleQueueService.NonExistentQueue",
        "The specified queue does not exist: " + queueArn, 400));
    try {
      Outgoing o = MessageChecks.outgoing(q, body, null, null, null, q.fifo() ? groupId : null,
          q.fifo() ? MessageChecks.sha256(body) : null, senderId);
      return queues.send(q, List.of(o)).map(sent -> sent.getFirst().messageId());
    } catch (AwsError e) {
      return Future.failedFuture(e);
    }
  }
}

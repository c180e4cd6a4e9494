package io.thingtank.sqs;

import io.thingtank.aws.AwsProtocol;
import io.thingtank.aws.AwsService;
import io.thingtank.aws.AwsServiceModel;
import io.thingtank.aws.OperationHandler;
import io.thingtank.core.Platform;
import io.thingtank.core.queue.QueueSink;
import io.thingtank.sqs.engine.MessageMoveTasks;
import io.thingtank.sqs.engine.Queues;
import io.thingtank.sqs.handler.AddPermissionHandler;
import io.thingtank.sqs.handler.CancelMessageMoveTaskHandler;
import io.thingtank.sqs.handler.ChangeMessageVisibilityBatchHandler;
import io.thingtank.sqs.handler.ChangeMessageVisibilityHandler;
import io.thingtank.sqs.handler.CreateQueueHandler;
import io.thingtank.sqs.handler.DeleteMessageBatchHandler;
import io.thingtank.sqs.handler.DeleteMessageHandler;
import io.thingtank.sqs.handler.DeleteQueueHandler;
import io.thingtank.sqs.handler.GetQueueAttributesHandler;
import io.thingtank.sqs.handler.GetQueueUrlHandler;
import io.thingtank.sqs.handler.ListDeadLetterSourceQueuesHandler;
import io.thingtank.sqs.handler.ListMessageMoveTasksHandler;
import io.thingtank.sqs.handler.ListQueueTagsHandler;
import io.thingtank.sqs.handler.ListQueuesHandler;
import io.thingtank.sqs.handler.PurgeQueueHandler;
import io.thingtank.sqs.handler.ReceiveMessageHandler;
import io.thingtank.sqs.handler.RemovePermissionHandler;
import io.thingtank.sqs.handler.SendMessageBatchHandler;
import io.thingtank.sqs.handler.SendMessageHandler;
import io.thingtank.sqs.handler.SetQueueAttributesHandler;
import io.thingtank.sqs.handler.SqsQueueSink;
import io.thingtank.sqs.handler.StartMessageMoveTaskHandler;
import io.thingtank.sqs.handler.TagQueueHandler;
import io.thingtank.sqs.handler.UntagQueueHandler;
import io.thingtank.sqs.store.RocksQueueStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.Set;

/**
 * Amazon SQS (API 2012-11-05) over the JSON protocol (with query-compatible error codes) and the
 * query protocol. Opens the queues at start (from the engine's {@code sqs} table) and lists one
 * handler per operation; no logic of its own.
 */
public final class SqsService implements AwsService {
  private static final AwsServiceModel MODEL = new AwsServiceModel("sqs", "AmazonSQS",
      Set.of(AwsProtocol.AWS_JSON_1_0, AwsProtocol.AWS_QUERY), "2012-11-05",
      "http://queue.amazonaws.com/doc/2012-11-05/", "software.amazon.awssdk.services.sqs.model", true, null);

  private volatile List<OperationHandler<?, ?>> handlers = List.of();
  private volatile Queues queues;

  @Override public AwsServiceModel model() { return MODEL; }

  @Override
  public Future<?> start(Platform p) {
    Queues q = new Queues(p.vertx(), p.executor(), new RocksQueueStore(p.storage()), p.clock(), p.ids());
    return p.vertx().executeBlocking(() -> {
      q.load();
      return null;
    }).map(v -> {
      // The handlers exist before the returned future completes: the gateway reads them then.
      MessageMoveTasks tasks = new MessageMoveTasks(p.vertx(), q);
      this.queues = q;
      p.provide(QueueSink.class, new SqsQueueSink(q, p.accountId()));
      this.handlers = List.of(new CreateQueueHandler(q), new DeleteQueueHandler(q), new ListQueuesHandler(q),
          new GetQueueUrlHandler(q), new GetQueueAttributesHandler(q), new SetQueueAttributesHandler(q),
          new SendMessageHandler(q), new SendMessageBatchHandler(q), new ReceiveMessageHandler(q),
          new DeleteMessageHandler(q), new DeleteMessageBatchHandler(q), new ChangeMessageVisibilityHandler(q),
          new ChangeMessageVisibilityBatchHandler(q), new PurgeQueueHandler(q), new TagQueueHandler(q),
          new UntagQueueHandler(q), new ListQueueTagsHandler(q), new AddPermissionHandler(q),
          new RemovePermissionHandler(q), new ListDeadLetterSourceQueuesHandler(q),
          new StartMessageMoveTaskHandler(q, tasks), new CancelMessageMoveTaskHandler(tasks),
          new ListMessageMoveTasksHandler(q, tasks));
      return null;
    });
  }

  @Override public List<OperationHandler<?, ?>> handlers() { return handlers; }

  /** The queues, for other modules and tests; valid after {@link #start}. */
  public Queues queues() { return queues; }
}

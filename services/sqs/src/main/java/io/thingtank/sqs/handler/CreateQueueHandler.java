package io.thingtank.sqs.handler;

import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.RequestContext;
import io.thingtank.sqs.SqsErrors;
import io.thingtank.sqs.engine.Queues;
import io.thingtank.sqs.model.QueueAttributes;
import io.vertx.core.Future;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.CreateQueueResponse;

/** SQS CreateQueue: names 1-80 of letters, digits, - and _ (FIFO: ending in .fifo). Event loop. */
public final class CreateQueueHandler implements OperationHandler<CreateQueueRequest, CreateQueueResponse> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
  private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,75}\\.fifo");
  private final Queues queues;

  public CreateQueueHandler(Queues queues) { this.queues = queues; }

  @Override public Class<CreateQueueRequest> requestType() { return CreateQueueRequest.class; }

  @Override
  public Future<CreateQueueResponse> handle(RequestContext ctx, CreateQueueRequest req) {
    String name = req.queueName();
    if (name == null) throw SqsErrors.missingParameter("QueueName");
    Map<String, String> attributes = req.attributesAsStrings();
    boolean fifoName = name.endsWith(".fifo");
    if (fifoName ? !FIFO_NAME.matcher(name).matches() : !NAME.matcher(name).matches()) {
      throw SqsErrors.invalidParameterValue("Can only include alphanumeric characters, hyphens, or underscores."
          + " 1 to 80 in length");
    }
    if (fifoName != "true".equalsIgnoreCase(attributes.get(QueueAttributes.FIFO_QUEUE))) {
      throw SqsErrors.invalidParameterValue("The name of a FIFO queue can only include alphanumeric characters,"
          + " hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.");
    }
    return queues.create(ctx.accountId(), ctx.region(), name, attributes, Tags.checked(req.tags()))
        .map(q -> CreateQueueResponse.builder().queueUrl(q.url(ctx.endpoint())).build());
  }
}

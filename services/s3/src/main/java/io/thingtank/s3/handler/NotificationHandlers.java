package io.thingtank.s3.handler;

import io.thingtank.core.queue.QueueSink;
import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.NotificationConfig;
import io.thingtank.s3.model.QueueNotification;
import io.thingtank.s3.notify.EventRecords;
import io.thingtank.s3.notify.NotificationXml;
import io.thingtank.s3.store.BucketConfigs;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * PutBucketNotificationConfiguration (validated as S3 does: event names, filter rules, overlaps,
 * and every destination must exist unless {@code x-amz-skip-destination-validation: true}; then
 * an s3:TestEvent goes to each queue) and GetBucketNotificationConfiguration (an empty document
 * when none is set). Delivery is {@code notify.QueueEvents}.
 */
public final class NotificationHandlers {
  private static final int MAX_DOCUMENT = 256 * 1024;
  private final S3Context ctx;

  public NotificationHandlers(S3Context ctx) { this.ctx = ctx; }

  public Future<S3Response> put(S3Call call) {
    boolean skipValidation = "true".equalsIgnoreCase(call.header("x-amz-skip-destination-validation"));
    return call.body().toMemory(MAX_DOCUMENT, S3Errors.malformedXml()).compose(body -> {
      NotificationXml.Parsed parsed = NotificationXml.parse(body.bytes().getBytes());
      NotificationConfig config = parsed.config();
      Optional<QueueSink> sink = ctx.queueSink().get();
      if (!skipValidation) {
        boolean missing = !parsed.otherDestinations().isEmpty() || config.queues().stream()
            .anyMatch(q -> sink.isEmpty() || !sink.get().exists(q.queueArn()));
        if (missing) throw S3Errors.invalidArgument("Unable to validate the following destination configurations");
      }
      return ctx.onBucket(call.bucket(), () -> {
        if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
        if (config.equals(NotificationConfig.EMPTY)) {
          ctx.configs().delete(call.bucket(), BucketConfigs.Kind.NOTIFICATION);
        } else {
          ctx.configs().put(call.bucket(), BucketConfigs.Kind.NOTIFICATION, config);
        }
        return S3Response.ok();
      }).onSuccess(r -> {
        if (!skipValidation) sink.ifPresent(s -> sendTestEvents(s, call, config));
      });
    });
  }

  private void sendTestEvents(QueueSink sink, S3Call call, NotificationConfig config) {
    String message = EventRecords.testEvent(call.bucket(), ctx.now(), call.requestId());
    config.queues().stream().map(QueueNotification::queueArn).distinct()
        .forEach(arn -> sink.send(arn, message, call.bucket()));
  }

  public Future<S3Response> get(S3Call call) {
    return ctx.onBucket(call.bucket(), () -> {
      if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
      NotificationConfig config = ctx.configs().get(call.bucket(), BucketConfigs.Kind.NOTIFICATION,
          NotificationConfig.class).orElse(NotificationConfig.EMPTY);
      return S3Response.xml(NotificationXml.write(config));
    });
  }
}

package io.thingtank.s3.notify;

import io.thingtank.core.Clock;
import io.thingtank.core.queue.QueueSink;
import io.thingtank.s3.model.NotificationConfig;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.model.QueueNotification;
import io.thingtank.s3.store.BucketConfigs;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends S3 event messages to the SQS queues a bucket's notification configuration names, one
 * message per matching configuration. Called on the bucket's store stripe after the change is
 * durable (so reading the configuration there is in order with PutBucketNotificationConfiguration);
 * the send itself is asynchronous and never holds up or fails the S3 request: a queue that is
 * gone or a sink that is absent is logged and the event dropped, as S3 does.
 */
public final class QueueEvents implements S3Events {
  private static final Logger LOG = LoggerFactory.getLogger(QueueEvents.class);
  private final BucketConfigs configs;
  private final Supplier<Optional<QueueSink>> sink;
  private final String region;
  private final Clock clock;
  /** Hex sequencers grow within a key's events (S3 User Guide, "Event ordering and duplicate events"). */
  private final AtomicLong sequencer;

  public QueueEvents(BucketConfigs configs, Supplier<Optional<QueueSink>> sink, String region, Clock clock) {
    this.configs = configs;
    this.sink = sink;
    this.region = region;
    this.clock = clock;
    this.sequencer = new AtomicLong(clock.millis() * 1000);
  }

  @Override
  public void created(String bucket, ObjectMeta meta, String eventName, EventOrigin origin) {
    deliver(bucket, meta.key(), meta.versionId(), eventName, meta, origin);
  }

  @Override
  public void removed(String bucket, String key, String versionId, String eventName, EventOrigin origin) {
    deliver(bucket, key, versionId, eventName, null, origin);
  }

  private void deliver(String bucket, String key, String versionId, String eventName, ObjectMeta meta,
      EventOrigin origin) {
    NotificationConfig config = configs.get(bucket, BucketConfigs.Kind.NOTIFICATION, NotificationConfig.class)
        .orElse(NotificationConfig.EMPTY);
    if (config.queues().isEmpty()) return;
    // A bucket made before owners were recorded is every signed caller's (BucketAccess): show the causer.
    EventRecords.Change change = new EventRecords.Change(bucket, key, versionId, eventName, meta,
        String.format("%016X", sequencer.incrementAndGet()), clock.millis(), origin,
        configs.ownerId(bucket).orElse(origin.principalId()));
    for (QueueNotification q : config.queues()) {
      if (!NotificationRules.matches(q, eventName, key)) continue;
      Optional<QueueSink> target = sink.get();
      if (target.isEmpty()) {
        LOG.warn("S3 event {} for {}/{} dropped: no SQS in this process", eventName, bucket, key);
        return;
      }
      target.get().send(q.queueArn(), EventRecords.message(change, q.id(), region), bucket)
          .onFailure(e -> LOG.warn("S3 event {} for {}/{} to {} dropped: {}", eventName, bucket, key, q.queueArn(),
              e.getMessage()));
    }
  }
}

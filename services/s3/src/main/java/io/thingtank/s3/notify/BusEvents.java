package io.thingtank.s3.notify;

import io.thingtank.aws.auth.AwsUriEncoding;
import io.thingtank.core.Clock;
import io.thingtank.core.bus.BusPrincipal;
import io.thingtank.core.bus.MessageBus;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.store.BucketConfigs;
import io.thingtank.s3.wire.HttpDates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes S3 events on the WAMP bus: topic {@code <prefix>.object.created} or
 * {@code <prefix>.object.removed}, kwargs = an S3 event message ({@code {"Records": [...]}}, the
 * shape S3 sends to SQS and Lambda, event version 2.1, without a configurationId). An event no
 * one would receive ({@link MessageBus#reaches}) is not built. Thread-safe.
 */
public final class BusEvents implements S3Events {
  private static final Logger LOG = LoggerFactory.getLogger(BusEvents.class);
  private final MessageBus bus;
  private final BusPrincipal principal;
  private final String prefix;
  private final String region;
  private final Clock clock;
  private final BucketConfigs configs;
  private final AtomicLong sequencer = new AtomicLong();

  /** {@code configs}: where the bucket owners are read (on the bucket's stripe, where events are raised). */
  public BusEvents(MessageBus bus, String realm, String prefix, String region, Clock clock, BucketConfigs configs) {
    this.bus = bus;
    this.principal = BusPrincipal.system(realm, "s3");
    this.prefix = prefix;
    this.region = region;
    this.clock = clock;
    this.configs = configs;
  }

  @Override
  public void created(String bucket, ObjectMeta meta, String eventName, EventOrigin origin) {
    String topic = prefix + ".object.created";
    if (!bus.reaches(principal, topic)) return;
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("key", AwsUriEncoding.encode(meta.key(), true));
    object.put("size", meta.size());
    object.put("eTag", meta.etag());
    if (meta.versionId() != null) object.put("versionId", meta.versionId());
    object.put("sequencer", sequence());
    publish(topic, bucket, eventName, object, origin);
  }

  @Override
  public void removed(String bucket, String key, String versionId, String eventName, EventOrigin origin) {
    String topic = prefix + ".object.removed";
    if (!bus.reaches(principal, topic)) return;
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("key", AwsUriEncoding.encode(key, true));
    if (versionId != null) object.put("versionId", versionId);
    object.put("sequencer", sequence());
    publish(topic, bucket, eventName, object, origin);
  }

  private String sequence() { return String.format("%016X", sequencer.incrementAndGet()); }

  private void publish(String topic, String bucket, String eventName, Map<String, Object> object, EventOrigin origin) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("eventVersion", "2.1");
    record.put("eventSource", "aws:s3");
    record.put("awsRegion", region);
    record.put("eventTime", HttpDates.iso(clock.millis()));
    record.put("eventName", eventName);
    EventRecords.putOrigin(record, origin);
    // A bucket made before owners were recorded is every signed caller's (BucketAccess): show the causer.
    record.put("s3", Map.of("s3SchemaVersion", "1.0",
        "bucket", EventRecords.bucket(bucket, configs.ownerId(bucket).orElse(origin.principalId())),
        "object", object));
    bus.publish(principal, topic, List.of(), Map.of("Records", List.of(record)))
        .onFailure(e -> LOG.warn("publishing {} failed: {}", topic, e.getMessage()));
  }
}

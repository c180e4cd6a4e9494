package io.thingtank.s3.notify;

import io.thingtank.s3.model.ObjectMeta;
import java.util.List;

/** Hands each event to several destinations (the WAMP bus and the configured queues), in order. */
public record FanOutEvents(List<S3Events> targets) implements S3Events {
  @Override
  public void created(String bucket, ObjectMeta meta, String eventName, EventOrigin origin) {
    for (S3Events t : targets) t.created(bucket, meta, eventName, origin);
  }

  @Override
  public void removed(String bucket, String key, String versionId, String eventName, EventOrigin origin) {
    for (S3Events t : targets) t.removed(bucket, key, versionId, eventName, origin);
  }
}

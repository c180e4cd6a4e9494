package io.thingtank.s3.notify;

import io.thingtank.s3.model.ObjectMeta;

/**
 * Where object created/removed events go (S3 User Guide, "Event notification types"). Called
 * after the change is durable, on the bucket's store stripe (so the bucket's settings can be read
 * there, in order with their changes); must not block. {@code origin}: who caused the event, from
 * where, in which request.
 */
public interface S3Events {
  S3Events NONE = new S3Events() {
    @Override public void created(String bucket, ObjectMeta meta, String eventName, EventOrigin origin) {}

    @Override public void removed(String bucket, String key, String versionId, String eventName, EventOrigin origin) {}
  };

  /**
   * {@code eventName}: {@code ObjectCreated:Put}, {@code :Post}, {@code :Copy}, {@code :CompleteMultipartUpload};
   * the new version's id is {@code meta.versionId()} (null in a bucket that never had versioning).
   */
  void created(String bucket, ObjectMeta meta, String eventName, EventOrigin origin);

  /**
   * {@code eventName}: {@code ObjectRemoved:Delete}, {@code ObjectRemoved:DeleteMarkerCreated},
   * {@code LifecycleExpiration:Delete} or {@code LifecycleExpiration:DeleteMarkerCreated};
   * {@code versionId} is the removed version's or the new marker's (null when never versioned).
   */
  void removed(String bucket, String key, String versionId, String eventName, EventOrigin origin);
}

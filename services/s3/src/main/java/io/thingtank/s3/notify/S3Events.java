package io.thingtank.s3.notify;

import io.thingtank.s3.model.ObjectMeta;

/**
 * Where object created/removed events go (S3 User Guide, "Event notification types"). Called
 * after the change is durable, from any thread; must not block.
 */
public interface S3Events {
  S3Events NONE = new S3Events() {
    @Override public void created(String bucket, ObjectMeta meta, String eventName) {}

    @Override public void removed(String bucket, String key, String eventName) {}
  };

  /** {@code eventName}: {@code ObjectCreated:Put}, {@code :Post}, {@code :Copy}, {@code :CompleteMultipartUpload}. */
  void created(String bucket, ObjectMeta meta, String eventName);

  /** {@code eventName}: {@code ObjectRemoved:Delete}. */
  void removed(String bucket, String key, String eventName);
}

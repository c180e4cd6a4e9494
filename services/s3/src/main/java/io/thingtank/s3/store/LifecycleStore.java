package io.thingtank.s3.store;

import io.thingtank.s3.model.LifecycleConfiguration;
import java.util.List;
import java.util.Optional;

/** Buckets' lifecycle configurations. Blocking: call it on the store executor keyed by bucket name. */
public interface LifecycleStore {
  Optional<LifecycleConfiguration> lifecycle(String bucket);

  void putLifecycle(String bucket, LifecycleConfiguration c);

  void deleteLifecycle(String bucket);

  /** Names of the buckets that have a lifecycle configuration. */
  List<String> bucketsWithLifecycle();
}

package io.thingtank.s3.store;

import java.util.Optional;

/**
 * A bucket's sub-resource configurations that live beside the bucket row, one document per
 * kind (the ACL with the owner, notification, ownership controls, public access block): read on every request that
 * needs them, written rarely. Blocking: call on the store executor keyed by the bucket name.
 */
public interface BucketConfigs {
  /** The kinds of configuration; the name is part of the stored key. */
  enum Kind { ACL, NOTIFICATION, OWNERSHIP, PUBLIC_ACCESS_BLOCK }

  <T> Optional<T> get(String bucket, Kind kind, Class<T> type);

  void put(String bucket, Kind kind, Object config);

  void delete(String bucket, Kind kind);

  /** Removes every configuration of a bucket (it was deleted, or is being created anew). */
  void deleteAll(String bucket);
}

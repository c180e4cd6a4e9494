package io.thingtank.s3.store;

import io.thingtank.s3.model.Acl;
import io.thingtank.s3.model.NotificationConfig;
import io.thingtank.s3.model.OwnershipControls;
import io.thingtank.s3.model.PublicAccessBlock;
import java.util.Optional;

/**
 * A bucket's sub-resource configurations that live beside the bucket row, one document per
 * kind (the ACL with the owner, notification, ownership controls, public access block): read on every request that
 * needs them (from {@link SettingsCache}), written rarely. Blocking: call on the store executor
 * keyed by the bucket name.
 */
public interface BucketConfigs {
  /** The kinds of configuration, with the record each is stored as; the name is in the stored key. */
  enum Kind {
    ACL(Acl.class), NOTIFICATION(NotificationConfig.class), OWNERSHIP(OwnershipControls.class),
    PUBLIC_ACCESS_BLOCK(PublicAccessBlock.class);

    private final Class<?> type;

    Kind(Class<?> type) { this.type = type; }

    public Class<?> type() { return type; }
  }

  <T> Optional<T> get(String bucket, Kind kind, Class<T> type);

  void put(String bucket, Kind kind, Object config);

  void delete(String bucket, Kind kind);

  /** The bucket owner's canonical user id; empty for a bucket made before owners were recorded. */
  default Optional<String> ownerId(String bucket) {
    return get(bucket, Kind.ACL, Acl.class).map(Acl::owner).map(Acl.Owner::id);
  }

  /** Removes every configuration of a bucket (it was deleted, or is being created anew). */
  void deleteAll(String bucket);
}

package io.thingtank.s3.store;

import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.model.VersioningConfig;
import java.util.List;
import java.util.Optional;

/**
 * The versions of objects in buckets that ever had versioning, and each bucket's versioning
 * configuration. The object index of {@link S3Store} keeps mirroring each key's newest version
 * unless that is a delete marker, so listing and reading current objects stay one lookup.
 * Blocking: call it on the store executor keyed by bucket name.
 */
public interface VersionStore {
  Optional<VersioningConfig> versioning(String bucket);

  /** Stores the configuration; the first time, every current object becomes its null version. */
  void putVersioning(String bucket, VersioningConfig config);

  /** Up to {@code limit} versions of {@code key}, newest first. */
  List<ObjectMeta> versions(String bucket, String key, int limit);

  Optional<ObjectMeta> version(String bucket, String key, long seq);

  /** Visits versions of keys starting with {@code prefix}, by key then newest first, from {@code from}, until false. */
  void scanVersions(String bucket, String prefix, VersionStart from, S3Store.ObjectVisitor visitor);

  /** True while any version or delete marker remains in the bucket. */
  boolean hasVersions(String bucket);

  /** Applies one change to a key atomically. */
  void apply(String bucket, VersionChange change);

  /**
   * One change to a key: version rows to remove, one to add (or overwrite), the object index row
   * (the current object, or null when the key has none), an upload whose rows go with it, and the
   * inline bodies written and removed in the same batch.
   */
  record VersionChange(String key, List<ObjectMeta> removed, ObjectMeta added, ObjectMeta current,
      String completedUpload, BodyRows bodies) {
    public VersionChange(String key, List<ObjectMeta> removed, ObjectMeta added, ObjectMeta current,
        String completedUpload) {
      this(key, removed, added, current, completedUpload, BodyRows.NONE);
    }
  }

  /** Where a version scan starts. */
  record VersionStart(Kind kind, String key, long seq) {
    public enum Kind { FIRST, AFTER_KEY, AFTER_PREFIX, AFTER_VERSION }

    public static final VersionStart FIRST = new VersionStart(Kind.FIRST, null, 0);

    public static VersionStart afterKey(String key) { return new VersionStart(Kind.AFTER_KEY, key, 0); }

    /** After every key that starts with {@code prefix}. */
    public static VersionStart afterPrefix(String prefix) { return new VersionStart(Kind.AFTER_PREFIX, prefix, 0); }

    public static VersionStart afterVersion(String key, long seq) {
      return new VersionStart(Kind.AFTER_VERSION, key, seq);
    }
  }
}

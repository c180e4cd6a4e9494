package io.thingtank.s3.store;

import io.thingtank.s3.model.Bucket;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.model.Part;
import io.thingtank.s3.model.Upload;
import java.util.List;
import java.util.Optional;

/**
 * S3's metadata: buckets, the object index (the current version of each key; written through
 * {@link VersionStore#apply}), multipart uploads and their parts. Blocking: call
 * it on the store executor keyed by bucket name, so writes to one bucket are serialised and a
 * read-modify-write (put returning the previous version) is atomic.
 */
public interface S3Store {
  boolean createBucket(Bucket b);

  Optional<Bucket> bucket(String name);

  void putBucket(Bucket b);

  /**
   * Removes a bucket that holds no objects and no versions, with its versioning and lifecycle
   * configuration, discarding its unfinished multipart uploads; returns their parts (whose blobs
   * the caller deletes), or empty when objects or versions remain.
   */
  Optional<List<Part>> deleteBucketIfEmpty(String name);

  /** Buckets in name order, starting after {@code after} (null: from the first). */
  List<Bucket> buckets(String after, int limit);

  Optional<ObjectMeta> object(String bucket, String key);

  /** Visits objects whose key starts with {@code prefix} and is >= {@code from}, in key order, until false. */
  void scanObjects(String bucket, String prefix, String from, ObjectVisitor visitor);

  void putUpload(String bucket, Upload u);

  Optional<Upload> upload(String bucket, String uploadId);

  List<Upload> uploads(String bucket);

  /** Removes the upload and its part rows; returns the parts (whose blobs the caller deletes). */
  List<Part> deleteUpload(String bucket, String uploadId);

  /** Stores a part and returns the one it replaced. */
  Optional<Part> putPart(String uploadId, Part p);

  List<Part> parts(String uploadId);

  /** Every blob id referenced by an object or part (for the start-up sweep). */
  java.util.Set<String> referencedBlobs();

  /** Receives objects of a scan; returns false to stop. */
  @FunctionalInterface
  interface ObjectVisitor {
    boolean visit(ObjectMeta meta);
  }
}

package io.thingtank.s3.version;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.Acl;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.model.VersioningConfig;
import io.thingtank.s3.notify.EventOrigin;
import io.thingtank.s3.store.BodyRows;
import io.thingtank.s3.store.VersionStore.VersionChange;
import io.thingtank.s3.wire.HttpDates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * S3's versioning rules (S3 User Guide, "Retaining multiple versions of objects with S3 Versioning"):
 * in a bucket that never had versioning a write replaces the object; with versioning Enabled
 * each write adds a version and a delete adds a delete marker; while Suspended writes and
 * deletes replace the null version. Inline bodies are written and removed in the metadata change's
 * own batch; body files of replaced versions are deleted after it is durable. Runs on the bucket's
 * store stripe.
 */
public final class ObjectVersions {
  private final S3Context ctx;

  public ObjectVersions(S3Context ctx) { this.ctx = ctx; }

  /**
   * Why a version goes, which names its event (S3 User Guide, "Event notification types"):
   * a DeleteObject(s) request ({@code s3:ObjectRemoved:*}) or a lifecycle rule
   * ({@code s3:LifecycleExpiration:*}); and who caused it, from where, in which request.
   */
  public record Removal(String eventPrefix, EventOrigin origin) {
    public static Removal request(EventOrigin origin) { return new Removal("ObjectRemoved", origin); }

    /** By a lifecycle rule, in a request of S3's own with this id. */
    public static Removal lifecycle(String requestId) {
      return new Removal("LifecycleExpiration", EventOrigin.lifecycle(requestId));
    }

    String event(String kind) { return eventPrefix + ":" + kind; }
  }

  /** {@code Enabled}, {@code Suspended}, or null for a bucket that never had versioning. */
  public String state(String bucket) {
    return ctx.versions().versioning(bucket).map(VersioningConfig::status).orElse(null);
  }

  /** Stores a new object (PUT, POST, copy, multipart completion) and returns it as stored, with its version id. */
  public ObjectMeta put(String bucket, ObjectMeta meta, String completedUpload) {
    return put(bucket, meta, completedUpload, null);
  }

  /**
   * As {@link #put(String, ObjectMeta, String)}; {@code inlineBody}, when non-null, is the body of
   * the inline blob {@code meta.blobId()}, written in the same batch as the metadata.
   */
  public ObjectMeta put(String bucket, ObjectMeta meta, String completedUpload, byte[] inlineBody) {
    String state = state(bucket);
    List<ObjectMeta> replaced = new ArrayList<>();
    ObjectMeta stored;
    if (state == null) {
      ctx.store().object(bucket, meta.key()).ifPresent(replaced::add);
      stored = meta;
      ctx.versions().apply(bucket, new VersionChange(meta.key(), List.of(), null, stored, completedUpload,
          BodyRows.of(meta.blobId(), inlineBody, blobIds(replaced))));
    } else {
      long seq = nextSeq(bucket, meta.key());
      boolean enabled = state.equals("Enabled");
      stored = meta.withVersion(enabled ? VersionIds.of(seq) : VersionIds.NULL, seq);
      if (!enabled) replaced.addAll(nullVersions(bucket, meta.key()));
      ctx.versions().apply(bucket, new VersionChange(meta.key(), replaced, stored, stored, completedUpload,
          BodyRows.of(meta.blobId(), inlineBody, blobIds(replaced))));
    }
    ctx.blobs().deleteFiles(blobIds(replaced));
    return stored;
  }

  /**
   * DeleteObject without a version id: removes the object of an unversioned bucket (returns it,
   * or empty when there was none), or adds a delete marker owned by {@code deleter} (null: not
   * recorded) and returns the marker.
   */
  public Optional<ObjectMeta> delete(String bucket, String key, Acl.Owner deleter, Removal why) {
    String state = state(bucket);
    if (state == null) {
      Optional<ObjectMeta> old = ctx.store().object(bucket, key);
      old.ifPresent(o -> remove(bucket, o, null, why));
      return old;
    }
    long seq = nextSeq(bucket, key);
    boolean enabled = state.equals("Enabled");
    ObjectMeta marker = ObjectMeta.deleteMarker(key, ctx.now(), enabled ? VersionIds.of(seq) : VersionIds.NULL, seq,
        deleter == null ? null : Acl.privateTo(deleter));
    List<ObjectMeta> replaced = enabled ? List.of() : nullVersions(bucket, key);
    ctx.versions().apply(bucket, new VersionChange(key, replaced, marker, null, null,
        BodyRows.of(null, null, blobIds(replaced))));
    ctx.blobs().deleteFiles(blobIds(replaced));
    ctx.events().removed(bucket, key, marker.versionId(), why.event("DeleteMarkerCreated"), why.origin());
    return Optional.of(marker);
  }

  /** DeleteObject with a version id: removes that version for good; returns it, or empty when absent. */
  public Optional<ObjectMeta> deleteVersion(String bucket, String key, String versionId, Removal why) {
    Optional<ObjectMeta> v = find(bucket, key, versionId);
    v.ifPresent(version -> {
      ObjectMeta newest = ctx.versions().versions(bucket, key, 2).stream()
          .filter(o -> o.versionSeq() != version.versionSeq()).findFirst().orElse(null);
      remove(bucket, version, version.versionId() == null ? null : newest, why);
    });
    return v;
  }

  private void remove(String bucket, ObjectMeta version, ObjectMeta newestLeft, Removal why) {
    ObjectMeta current = newestLeft == null || newestLeft.deleteMarker() ? null : newestLeft;
    List<String> gone = blobIds(List.of(version));
    ctx.versions().apply(bucket, new VersionChange(version.key(),
        version.versionId() == null ? List.of() : List.of(version), null, current, null, BodyRows.of(null, null, gone)));
    ctx.blobs().deleteFiles(gone);
    if (!version.deleteMarker()) {
      ctx.events().removed(bucket, version.key(), version.versionId(), why.event("Delete"), why.origin());
    }
  }

  /**
   * The object GET, HEAD, tagging, attributes and copy read: the current version, or the one
   * {@code versionId} names. NoSuchKey (with the marker's headers when the current version is a
   * delete marker), NoSuchVersion, or 405 for a delete marker named by id.
   */
  public ObjectMeta read(String bucket, String key, String versionId) {
    if (versionId == null) {
      Optional<ObjectMeta> current = ctx.store().object(bucket, key);
      if (current.isPresent()) return current.get();
      List<ObjectMeta> newest = ctx.versions().versions(bucket, key, 1);
      if (!newest.isEmpty() && newest.get(0).deleteMarker()) {
        throw S3Errors.currentIsDeleteMarker(newest.get(0).versionId());
      }
      throw S3Errors.noSuchKey();
    }
    ObjectMeta v = find(bucket, key, versionId).orElseThrow(S3Errors::noSuchVersion);
    if (v.deleteMarker()) throw S3Errors.versionIsDeleteMarker(v.versionId(), HttpDates.http(v.lastModifiedMillis()));
    return v;
  }

  /** The version {@code versionId} names ({@code "null"}: the null version), or empty; InvalidArgument for a malformed id. */
  public Optional<ObjectMeta> find(String bucket, String key, String versionId) {
    if (VersionIds.NULL.equals(versionId)) {
      Optional<ObjectMeta> current = ctx.store().object(bucket, key);
      if (current.isPresent() && current.get().versionId() == null) return current;
      return nullVersions(bucket, key).stream().findFirst();
    }
    long seq = VersionIds.parse(versionId);
    return ctx.versions().version(bucket, key, seq).filter(v -> versionId.equals(v.versionId()));
  }

  /** Rewrites one version in place (its tags or ACL); the object index follows when it is the current one. */
  public void update(String bucket, ObjectMeta changed) {
    if (changed.versionId() == null) {
      ctx.versions().apply(bucket, new VersionChange(changed.key(), List.of(), null, changed, null));
      return;
    }
    ObjectMeta current = ctx.store().object(bucket, changed.key()).orElse(null);
    boolean isCurrent = current != null && current.versionSeq() == changed.versionSeq();
    ctx.versions().apply(bucket, new VersionChange(changed.key(), List.of(), changed, isCurrent ? changed : current,
        null));
  }

  /** The bodies of {@code versions} (delete markers have none). */
  private static List<String> blobIds(List<ObjectMeta> versions) {
    List<String> ids = new ArrayList<>(versions.size());
    for (ObjectMeta v : versions) if (v.blobId() != null) ids.add(v.blobId());
    return ids;
  }

  private List<ObjectMeta> nullVersions(String bucket, String key) {
    return ctx.versions().versions(bucket, key, Integer.MAX_VALUE).stream().filter(ObjectMeta::nullVersion).toList();
  }

  /** Newer than every version of the key, and from the clock when it allows (so ids also order in time). */
  private long nextSeq(String bucket, String key) {
    List<ObjectMeta> newest = ctx.versions().versions(bucket, key, 1);
    long fromClock = ctx.now() * 1000;
    return newest.isEmpty() ? fromClock : Math.max(fromClock, newest.get(0).versionSeq() + 1);
  }
}

package io.thingtank.s3.lifecycle;

import io.thingtank.core.Ids;
import io.thingtank.s3.S3Context;
import io.thingtank.s3.model.LifecycleConfiguration;
import io.thingtank.s3.model.LifecycleRule;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.model.Part;
import io.thingtank.s3.model.Upload;
import io.thingtank.s3.store.VersionStore.VersionStart;
import io.thingtank.s3.version.ObjectVersions;
import io.thingtank.s3.version.ObjectVersions.Removal;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies lifecycle rules (S3 User Guide, "Managing the lifecycle of objects"): expires current
 * versions (in a versioned bucket by adding a delete marker), noncurrent versions after
 * NoncurrentDays beyond the NewerNoncurrentVersions newest, delete markers left as a key's only
 * version (ExpiredObjectDeleteMarker, or Expiration Days), and aborts multipart uploads after
 * DaysAfterInitiation. What it removes raises {@code s3:LifecycleExpiration:*} events, each with a
 * request id of its own and S3 itself as the principal; lifecycle delete markers have no recorded owner.
 * A pass walks each bucket in chunks of keys, each chunk one task on the bucket's store stripe,
 * so requests interleave with it. Passes do not overlap. Thread-safe.
 */
public final class LifecycleSweeper {
  private static final int CHUNK = 200;
  private final S3Context ctx;
  private final ObjectVersions versions;
  private final Expirations expirations;
  private final Ids ids;
  private Future<Integer> running;

  /** {@code ids} makes the request id of each expiration's event. */
  public LifecycleSweeper(S3Context ctx, Expirations expirations, Ids ids) {
    this.ctx = ctx;
    this.versions = new ObjectVersions(ctx);
    this.expirations = expirations;
    this.ids = ids;
  }

  /** One pass over every bucket with rules; completes with how many versions, markers and uploads went. */
  public synchronized Future<Integer> sweep() {
    if (running != null && !running.isComplete()) return running;
    running = ctx.executor().submit("s3-lifecycle", () -> ctx.lifecycles().bucketsWithLifecycle()).compose(buckets -> {
      Future<Integer> total = Future.succeededFuture(0);
      for (String b : buckets) total = total.compose(n -> sweepBucket(b, null, n));
      return total;
    });
    return running;
  }

  /** Completes when no pass is running (at shutdown). */
  public synchronized Future<?> whenIdle() {
    return running == null ? Future.succeededFuture() : running.otherwiseEmpty();
  }

  /** One chunk of keys after {@code afterKey}, then the next chunk, until the bucket is done. */
  private Future<Integer> sweepBucket(String bucket, String afterKey, int removedSoFar) {
    return ctx.onBucket(bucket, () -> {
      LifecycleConfiguration config = ctx.lifecycles().lifecycle(bucket).orElse(null);
      if (config == null || config.rules().stream().noneMatch(LifecycleRule::enabled)) return new Step(0, null);
      int removed = afterKey == null ? abortUploads(bucket, config) : 0;
      boolean versioned = versions.state(bucket) != null;
      List<String> keys = keys(bucket, afterKey, versioned);
      for (String key : keys) removed += versioned ? sweepVersions(bucket, key, config) : sweepObject(bucket, key, config);
      return new Step(removed, keys.size() < CHUNK ? null : keys.get(keys.size() - 1));
    }).compose(step -> step.nextKey() == null ? Future.succeededFuture(removedSoFar + step.removed())
        : sweepBucket(bucket, step.nextKey(), removedSoFar + step.removed()));
  }

  private record Step(int removed, String nextKey) {}

  private Removal expiry() { return Removal.lifecycle(ids.uuid()); }

  private List<String> keys(String bucket, String afterKey, boolean versioned) {
    List<String> keys = new ArrayList<>();
    if (versioned) {
      ctx.versions().scanVersions(bucket, "", afterKey == null ? VersionStart.FIRST : VersionStart.afterKey(afterKey),
          m -> {
            if (!keys.isEmpty() && keys.get(keys.size() - 1).equals(m.key())) return true;
            if (keys.size() == CHUNK) return false;
            keys.add(m.key());
            return true;
          });
    } else {
      ctx.store().scanObjects(bucket, "", afterKey == null ? "" : afterKey, m -> {
        if (m.key().equals(afterKey)) return true;
        keys.add(m.key());
        return keys.size() < CHUNK;
      });
    }
    return keys;
  }

  private int sweepObject(String bucket, String key, LifecycleConfiguration config) {
    ObjectMeta current = ctx.store().object(bucket, key).orElse(null);
    if (current == null || !expired(expirations.of(config, current))) return 0;
    versions.delete(bucket, key, null, expiry());
    return 1;
  }

  private int sweepVersions(String bucket, String key, LifecycleConfiguration config) {
    int removed = 0;
    List<ObjectMeta> all = ctx.versions().versions(bucket, key, Integer.MAX_VALUE);
    if (!all.isEmpty() && expired(expirations.of(config, all.get(0)))) {
      versions.delete(bucket, key, null, expiry());
      removed++;
      all = ctx.versions().versions(bucket, key, Integer.MAX_VALUE);
    }
    List<ObjectMeta> noncurrentGone = new ArrayList<>();
    for (int i = 1; i < all.size(); i++) {
      if (noncurrentExpired(config, all.get(i), all.get(i - 1).lastModifiedMillis(), i - 1)) {
        noncurrentGone.add(all.get(i));
      }
    }
    for (ObjectMeta v : noncurrentGone) versions.deleteVersion(bucket, key, v.versionId(), expiry());
    removed += noncurrentGone.size();
    ObjectMeta newest = all.isEmpty() ? null : all.get(0);
    if (all.size() - noncurrentGone.size() == 1 && newest.deleteMarker()
        && config.rules().stream().anyMatch(r -> removesExpiredMarker(r, newest))) {
      versions.deleteVersion(bucket, key, newest.versionId(), expiry());
      removed++;
    }
    return removed;
  }

  /**
   * A delete marker that is its key's only version goes by a rule with ExpiredObjectDeleteMarker,
   * or by one with Expiration Days once the marker is that old (S3 User Guide, "Removing expired
   * object delete markers").
   */
  private boolean removesExpiredMarker(LifecycleRule r, ObjectMeta marker) {
    if (!r.enabled() || !r.matches(marker)) return false;
    return Boolean.TRUE.equals(r.expiredObjectDeleteMarker())
        || r.expirationDays() != null && ctx.now() >= expirations.after(marker.lastModifiedMillis(), r.expirationDays());
  }

  /** A noncurrent version since {@code since}, with {@code newer} newer noncurrent versions. */
  private boolean noncurrentExpired(LifecycleConfiguration config, ObjectMeta v, long since, int newer) {
    for (LifecycleRule r : config.rules()) {
      if (!r.enabled() || r.noncurrentDays() == null || !r.matches(v)) continue;
      if (r.newerNoncurrentVersions() != null && newer < r.newerNoncurrentVersions()) continue;
      if (ctx.now() >= expirations.after(since, r.noncurrentDays())) return true;
    }
    return false;
  }

  private int abortUploads(String bucket, LifecycleConfiguration config) {
    int aborted = 0;
    for (Upload u : ctx.store().uploads(bucket)) {
      boolean due = config.rules().stream().anyMatch(r -> r.enabled() && r.abortDays() != null
          && (r.prefix() == null || u.key().startsWith(r.prefix()))
          && ctx.now() >= expirations.after(u.initiatedMillis(), r.abortDays()));
      if (!due) continue;
      for (Part p : ctx.store().deleteUpload(bucket, u.uploadId())) ctx.blobs().delete(p.blobId());
      aborted++;
    }
    return aborted;
  }

  private boolean expired(Expirations.Expiry e) { return e != null && ctx.now() >= e.atMillis(); }
}

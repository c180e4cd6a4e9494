package io.thingtank.s3;

import io.thingtank.aws.auth.SigV4Verifier;
import io.thingtank.core.Clock;
import io.thingtank.core.queue.QueueSink;
import io.thingtank.core.storage.StoreExecutor;
import io.thingtank.s3.access.Principals;
import io.thingtank.s3.lifecycle.Expirations;
import io.thingtank.s3.notify.S3Events;
import io.thingtank.s3.store.Blobs;
import io.thingtank.s3.store.BucketConfigs;
import io.thingtank.s3.store.LifecycleStore;
import io.thingtank.s3.store.S3Store;
import io.thingtank.s3.store.VersionStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * What handlers share: the metadata store, object versions, lifecycle rules and when they
 * expire objects, the bodies (files, or inline in RocksDB when small), the executor that runs both off the
 * event loop (one stripe per bucket, so a bucket's writes are serialised), Vert.x, the clock and
 * the access keys' secrets (for POST policy signatures) and where object events go; the bucket
 * configurations kept beside the bucket row, the SQS queues (looked up per use: SQS may start later)
 * and the canonical users of the access keys.
 */
public record S3Context(S3Store store, VersionStore versions, LifecycleStore lifecycles, Expirations expirations,
    Blobs blobs, StoreExecutor executor, Vertx vertx, Clock clock,
    String defaultRegion, SigV4Verifier.SecretLookup secrets, S3Events events,
    BucketConfigs configs, Supplier<Optional<QueueSink>> queueSink, Principals principals) {

  /** Runs blocking store and file work on the bucket's stripe; completes on the caller's context. */
  public <T> Future<T> onBucket(String bucket, Callable<T> work) { return executor.submit(bucket, work); }

  /**
   * Runs blocking reads that need no write ordering (point reads are consistent on their own) on
   * any Vert.x worker, unordered; completes on the caller's context.
   */
  public <T> Future<T> onAnyWorker(Callable<T> work) { return vertx.executeBlocking(work, false); }

  public long now() { return clock.millis(); }
}

package io.thingtank.s3.store;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock that serialises a bucket's metadata and blob writes: every task run on the bucket's
 * stripe holds it, and an event loop holding it may run a short write in place (see
 * {@code S3Context.nowOrOnBucket}). Buckets share {@link #STRIPES} locks by name hash, so two
 * buckets may wait on each other but a bucket never runs two writes at once. Nothing holds two of
 * these locks at a time. Thread-safe.
 */
public final class BucketLocks {
  static final int STRIPES = 64;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  public BucketLocks() {
    for (int i = 0; i < STRIPES; i++) locks[i] = new ReentrantLock();
  }

  /** The lock of {@code bucket}. */
  public ReentrantLock of(String bucket) { return locks[Math.floorMod(bucket.hashCode(), STRIPES)]; }
}

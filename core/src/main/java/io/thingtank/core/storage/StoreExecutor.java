package io.thingtank.core.storage;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs blocking store work off the event loops, in order per key: tasks with the same key
 * (a queue, a bucket, a session) run one after another on the same thread, tasks with
 * different keys run in parallel. Results come back on the caller's Vert.x context.
 */
public final class StoreExecutor implements AutoCloseable {
  private final ExecutorService[] stripes;

  public StoreExecutor(int threads) {
    stripes = new ExecutorService[threads];
    for (int i = 0; i < threads; i++) {
      int n = i;
      stripes[i] = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "store-" + n);
        t.setDaemon(true);
        return t;
      });
    }
  }

  /** Runs {@code work} on the stripe of {@code key}; completes on the calling context. */
  public <T> Future<T> submit(Object key, Callable<T> work) {
    Context ctx = Vertx.currentContext();
    Promise<T> promise = ctx != null ? ((io.vertx.core.internal.ContextInternal) ctx).promise() : Promise.promise();
    stripes[Math.floorMod(key.hashCode(), stripes.length)].execute(() -> {
      try {
        promise.complete(work.call());
      } catch (Throwable t) {
        promise.fail(t);
      }
    });
    return promise.future();
  }

  @Override
  public void close() {
    for (ExecutorService s : stripes) s.shutdown();
    for (ExecutorService s : stripes) {
      try {
        s.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

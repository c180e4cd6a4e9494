package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.core.storage.StoreExecutor;
import io.thingtank.s3.store.BucketLocks;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Writes run in place on an event loop stay serialised with the bucket's stripe tasks. */
class S3ContextTest {
  private final Vertx vertx = Vertx.vertx();
  private final StoreExecutor executor = new StoreExecutor(2);
  private final BucketLocks locks = new BucketLocks();
  private final S3Context ctx = new S3Context(null, null, null, null, null, executor, vertx, null, "us-east-1",
      null, null, null, null, null, locks);

  @AfterEach void close() throws Exception {
    executor.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Calls {@code nowOrOnBucket} from an event loop; completes with the thread the work ran on. */
  private CompletableFuture<String> nowOrOnBucketFromEventLoop(String bucket, List<String> log) {
    Promise<String> ran = Promise.promise();
    vertx.runOnContext(v -> ctx.nowOrOnBucket(bucket, () -> {
      log.add("in place or queued");
      return Thread.currentThread().getName();
    }).onComplete(ran));
    return ran.future().toCompletionStage().toCompletableFuture();
  }

  @Test void runsInPlaceOnTheEventLoopWhenTheBucketIsIdle() throws Exception {
    String thread = nowOrOnBucketFromEventLoop("b", Collections.synchronizedList(new ArrayList<>()))
        .get(10, TimeUnit.SECONDS);
    assertThat(thread).startsWith("vert.x-eventloop");
  }

  @Test void waitsForTheStripeTaskThatHoldsTheBucketAndRunsAfterIt() throws Exception {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<String> stripe = ctx.onBucket("b", () -> {
      holding.countDown();
      release.await(10, TimeUnit.SECONDS);
      log.add("stripe task");
      return "done";
    });
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<String> second = nowOrOnBucketFromEventLoop("b", log);
    Thread.sleep(100); // give a wrongly unserialised write the chance to run first
    assertThat(second).isNotDone();
    release.countDown();

    assertThat(second.get(10, TimeUnit.SECONDS)).startsWith("store-");
    assertThat(stripe.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("done");
    assertThat(log).containsExactly("stripe task", "in place or queued");
  }

  @Test void anotherBucketOnTheSameStripeIsNotHeldUp() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    String other = "c";
    while (locks.of(other) == locks.of("b")) other += "c";
    Future<String> stripe = ctx.onBucket("b", () -> {
      release.await(10, TimeUnit.SECONDS);
      return "done";
    });
    String thread = nowOrOnBucketFromEventLoop(other, Collections.synchronizedList(new ArrayList<>()))
        .get(10, TimeUnit.SECONDS);
    release.countDown();
    assertThat(thread).startsWith("vert.x-eventloop");
    stripe.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}

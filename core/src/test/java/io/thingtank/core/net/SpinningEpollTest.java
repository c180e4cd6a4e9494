package io.thingtank.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.EventLoop;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.transport.Transport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link SpinningEpoll} on a real Vert.x: it serves, and an idle spinning loop goes back to sleep. */
class SpinningEpollTest {
  @Test
  void anIdleSpinningLoopSleeps() throws Exception {
    Transport epoll = SpinningEpoll.transport();
    assumeTrue(epoll != null, "epoll is not available here");
    Vertx vertx = Vertx.builder().withTransport(epoll).build();
    try {
      // GIVEN a loop told to spin 1 ms after its work
      EventLoop loop = ((VertxInternal) vertx).nettyEventLoopGroup().next();
      SpinningEpoll.spinOn(loop, 1000);
      CompletableFuture<Thread> thread = new CompletableFuture<>();
      loop.execute(() -> thread.complete(Thread.currentThread()));
      long id = thread.get(10, TimeUnit.SECONDS).threadId();
      // WHEN it has nothing to do for 500 ms
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      Thread.sleep(50);
      long cpu0 = threads.getThreadCpuTime(id);
      Thread.sleep(500);
      long cpu = threads.getThreadCpuTime(id) - cpu0;
      // THEN it spent (nearly) no CPU: it blocked after its spin instead of polling all along
      assertThat(cpu).isLessThan(TimeUnit.MILLISECONDS.toNanos(100));
      // AND it still runs work handed to it
      CompletableFuture<String> ran = new CompletableFuture<>();
      loop.execute(() -> ran.complete("ran"));
      assertThat(ran.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}

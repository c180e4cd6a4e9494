package io.thingtank.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.SelectStrategy;
import io.netty.util.IntSupplier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event-loop strategy of {@link SpinningEpoll}, driven with a hand clock and scripted polls. */
class SpinThenBlockTest {
  private long now;
  private final Deque<Integer> ready = new ArrayDeque<>();
  private int polls;
  private final IntSupplier selectNow = () -> {
    polls++;
    return ready.isEmpty() ? 0 : ready.poll();
  };
  private final SpinningEpoll.SpinThenBlock strategy = new SpinningEpoll.SpinThenBlock(() -> now);

  private int next(boolean hasTasks, long atMicros, Integer... readyNow) throws Exception {
    now = atMicros * 1000;
    ready.addAll(List.of(readyNow));
    return strategy.calculateStrategy(selectNow, hasTasks);
  }

  @Test
  void withoutSpinItIsNettysDefault() throws Exception {
    // GIVEN a loop nobody asked to spin
    // THEN it blocks when it has no tasks, without polling first
    assertThat(next(false, 0, 3)).isEqualTo(SelectStrategy.SELECT);
    assertThat(polls).isZero();
    // AND with tasks it polls without blocking
    assertThat(next(true, 1)).isEqualTo(3);
  }

  @Test
  void pollsForTheSpinAfterWorkThenBlocks() throws Exception {
    strategy.spinNanos = 50_000;
    // GIVEN a turn that found two ready channels at t=0
    assertThat(next(false, 0, 2)).isEqualTo(2);
    // WHEN nothing is ready 10 and 49 µs later THEN it keeps polling without blocking
    assertThat(next(false, 10)).isEqualTo(SelectStrategy.CONTINUE);
    assertThat(next(false, 49)).isEqualTo(SelectStrategy.CONTINUE);
    // AND work found while spinning restarts the spin
    assertThat(next(false, 49, 1)).isEqualTo(1);
    assertThat(next(false, 98)).isEqualTo(SelectStrategy.CONTINUE);
    // WHEN 50 µs have passed without work THEN it blocks, without another poll
    int before = polls;
    assertThat(next(false, 99)).isEqualTo(SelectStrategy.SELECT);
    assertThat(polls).isEqualTo(before);
  }

  @Test
  void aWakeUpFromBlockingCountsAsWork() throws Exception {
    strategy.spinNanos = 50_000;
    // GIVEN a loop idle since it started
    assertThat(next(false, 1_000)).isEqualTo(SelectStrategy.SELECT);
    // WHEN the blocking wait returns much later (it had work) THEN the loop spins again first
    assertThat(next(false, 10_000)).isEqualTo(SelectStrategy.CONTINUE);
    assertThat(next(false, 10_049)).isEqualTo(SelectStrategy.CONTINUE);
    assertThat(next(false, 10_050)).isEqualTo(SelectStrategy.SELECT);
  }

  @Test
  void neverBlocksWhileTasksWait() throws Exception {
    strategy.spinNanos = 50_000;
    assertThat(next(true, 1_000_000)).isZero();
    assertThat(next(true, 2_000_000, 4)).isEqualTo(4);
  }
}

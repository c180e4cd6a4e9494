package io.thingtank.core;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to; for tests of visibility timeouts, expiry and TTLs. */
public final class ManualClock implements Clock {
  private final AtomicLong now;

  public ManualClock(long startMillis) { this.now = new AtomicLong(startMillis); }

  @Override public long millis() { return now.get(); }

  public void advance(long millis) { now.addAndGet(millis); }

  public void set(long millis) { now.set(millis); }
}

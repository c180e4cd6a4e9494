package io.thingtank.core;

/** The one source of time. Tests inject a {@link ManualClock}. Thread-safe. */
public interface Clock {
  /** Milliseconds since the epoch. */
  long millis();

  Clock SYSTEM = System::currentTimeMillis;
}

package io.thingtank.wamp.transport;

import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes written to a peer but not yet flushed to its socket. A peer that reads too slowly
 * (more than {@link #LIMIT} pending) is disconnected instead of growing the router's memory
 * without bound. Thread-safe: writes come from the realm threads, completions from the event loop.
 */
final class OutboundBudget {
  static final long LIMIT = 32L * 1024 * 1024;
  private final AtomicLong pending = new AtomicLong();

  /** False when the peer is over budget and must be disconnected. */
  boolean admit(int bytes) { return pending.addAndGet(bytes) <= LIMIT; }

  void track(Future<Void> write, int bytes) { write.onComplete(ar -> pending.addAndGet(-bytes)); }
}

package io.thingtank.mqtt.broker;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters the broker keeps for {@code $SYS}: PUBLISH packets received from and sent to
 * clients (Mosquitto's {@code publish/messages/received|sent}). Incremented on any event loop;
 * thread-safe.
 */
public final class BrokerStats {
  private final LongAdder received = new LongAdder();
  private final LongAdder sent = new LongAdder();

  public void received() { received.increment(); }

  public void sent() { sent.increment(); }

  public long receivedCount() { return received.sum(); }

  public long sentCount() { return sent.sum(); }

  /** What the broker holds right now. */
  public record Census(int connected, int disconnected, int subscriptions, int retained) {}
}

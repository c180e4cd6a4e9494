package io.thingtank.sqs.engine;

import io.thingtank.sqs.model.Delivery;
import java.util.Comparator;

/**
 * One message in a queue's in-memory index: its key and the delivery state the receive path
 * needs, never its body. Mutable; owned by its {@link QueueState}'s executor stripe.
 */
final class Entry {
  /** Ordered by visibility time, then send order: the pending index. */
  static final Comparator<Entry> BY_VISIBILITY =
      Comparator.<Entry>comparingLong(e -> e.visibleAt).thenComparingLong(e -> e.seq);
  /** Ordered by original send time: the retention index. */
  static final Comparator<Entry> BY_AGE = Comparator.<Entry>comparingLong(e -> e.sentMillis).thenComparingLong(e -> e.seq);

  enum State { READY, DELAYED, IN_FLIGHT }

  final long seq;
  final long sentMillis;
  final String group;
  State state;
  long visibleAt;
  int receiveCount;
  long firstReceiveMillis;
  long receiptNonce;

  Entry(long seq, long sentMillis, String group, Delivery d, long now) {
    this.seq = seq;
    this.sentMillis = sentMillis;
    this.group = group;
    this.visibleAt = d.visibleAt();
    this.receiveCount = d.receiveCount();
    this.firstReceiveMillis = d.firstReceiveMillis();
    this.receiptNonce = d.receiptNonce();
    this.state = visibleAt <= now ? State.READY : receiveCount > 0 ? State.IN_FLIGHT : State.DELAYED;
  }

  Delivery delivery() { return new Delivery(visibleAt, receiveCount, firstReceiveMillis, receiptNonce); }
}

package io.thingtank.sqs.engine;

/**
 * The visible messages of a queue, in the order receives take them. Standard queues take the
 * oldest first; FIFO queues also keep message groups in order and skip a group while any of its
 * messages is in flight. Owned by one executor stripe.
 */
interface ReadySet {
  void add(Entry e);

  void remove(Entry e);

  int size();

  /** Removes and returns up to {@code max} messages to deliver; each counts as in flight until {@link #release}. */
  java.util.List<Entry> take(int max);

  /** A taken message is no longer in flight (deleted, visible again, or moved away). */
  void release(Entry e);

  /** Counts a message restored in flight at start-up, as if {@link #take} had returned it. */
  void lock(Entry e);

  static ReadySet of(boolean fifo) { return fifo ? new FifoReadySet() : new StandardReadySet(); }
}

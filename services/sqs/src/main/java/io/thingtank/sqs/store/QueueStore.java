package io.thingtank.sqs.store;

import io.thingtank.sqs.model.Delivery;
import io.thingtank.sqs.model.Message;
import io.thingtank.sqs.model.Queue;
import java.util.List;

/**
 * Durable state of every queue: settings, messages, their delivery state and FIFO
 * deduplication records. Blocking: called only from a queue's {@code StoreExecutor} stripe
 * (changes of one queue never race). A returned write is durable (WAL) before it returns.
 */
public interface QueueStore {
  List<Queue> loadQueues();

  /** Every stored message of the queue with its delivery state, in sequence order. */
  void loadMessages(long queueId, MessageVisitor visitor);

  List<Deduplication> loadDeduplications(long queueId);

  /** The message, or null when it is gone. */
  Message message(long queueId, long seq);

  void putQueue(Queue queue);

  /** Removes the queue and everything stored under it. */
  void deleteQueue(Queue queue);

  /** Removes every message and delivery of the queue (PurgeQueue). */
  void purge(long queueId);

  /** Removes what a queue deleted during a crash left behind; called once at start. */
  void removeOrphans(java.util.Set<Long> liveQueueIds);

  /** Applies the changes atomically. */
  void apply(Changes changes);

  /** Receives stored messages at start-up. */
  @FunctionalInterface
  interface MessageVisitor {
    void visit(Message message, Delivery delivery);
  }

  /** A FIFO deduplication record: what a deduplication id was first sent as, and when. */
  record Deduplication(String key, String messageId, long seq, long sentMillis) {}

  /** Writes applied together by {@link #apply}. Not thread-safe. */
  final class Changes {
    /** One write; the store interprets them in order. */
    public sealed interface Change {}

    public record PutMessage(long queueId, Message message, Delivery delivery) implements Change {}

    public record PutDelivery(long queueId, long seq, Delivery delivery) implements Change {}

    public record DeleteMessage(long queueId, long seq) implements Change {}

    public record PutDeduplication(long queueId, Deduplication deduplication) implements Change {}

    public record DeleteDeduplication(long queueId, String key) implements Change {}

    private final List<Change> list = new java.util.ArrayList<>();

    public Changes add(Change c) {
      list.add(c);
      return this;
    }

    public List<Change> list() { return list; }

    public boolean isEmpty() { return list.isEmpty(); }
  }
}

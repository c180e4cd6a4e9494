package io.thingtank.sqs.engine;

import io.thingtank.sqs.store.QueueStore.Changes;
import io.thingtank.sqs.store.QueueStore.Deduplication;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The 5-minute deduplication interval of a FIFO queue (SQS Developer Guide, "Exactly-once
 * processing"): a message whose deduplication id was sent within the interval is accepted but
 * not delivered again; the caller gets the first message's id. Keys are scoped per queue or,
 * with DeduplicationScope=messageGroup, per group. Owned by one executor stripe.
 */
final class FifoDeduplication {
  static final long INTERVAL_MILLIS = 5 * 60_000;

  private final long queueId;
  private final Map<String, Deduplication> byKey = new HashMap<>();
  private final ArrayDeque<Deduplication> byTime = new ArrayDeque<>();

  FifoDeduplication(long queueId) { this.queueId = queueId; }

  static String key(boolean perGroup, String groupId, String deduplicationId) {
    return perGroup ? groupId + "\u0000" + deduplicationId : deduplicationId;
  }

  /** The earlier send of {@code key} within the interval, or null. */
  Deduplication find(String key, long now, Changes changes) {
    expire(now, changes);
    return byKey.get(key);
  }

  void remember(Deduplication d, Changes changes) {
    byKey.put(d.key(), d);
    byTime.addLast(d);
    changes.add(new Changes.PutDeduplication(queueId, d));
  }

  /** Restores a stored record at start-up. */
  void restore(Deduplication d) {
    byKey.put(d.key(), d);
    byTime.addLast(d);
  }

  private void expire(long now, Changes changes) {
    while (!byTime.isEmpty() && byTime.peekFirst().sentMillis() + INTERVAL_MILLIS <= now) {
      Deduplication d = byTime.pollFirst();
      if (byKey.get(d.key()) == d) {
        byKey.remove(d.key());
        changes.add(new Changes.DeleteDeduplication(queueId, d.key()));
      }
    }
  }
}

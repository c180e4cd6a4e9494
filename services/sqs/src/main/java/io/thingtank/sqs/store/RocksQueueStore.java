package io.thingtank.sqs.store;

import io.thingtank.core.storage.Keys;
import io.thingtank.core.storage.RocksEngine;
import io.thingtank.core.storage.Table;
import io.thingtank.sqs.model.Delivery;
import io.thingtank.sqs.model.Queue;
import io.thingtank.sqs.store.QueueStore.Changes.DeleteDeduplication;
import io.thingtank.sqs.store.QueueStore.Changes.DeleteMessage;
import io.thingtank.sqs.store.QueueStore.Changes.PutDeduplication;
import io.thingtank.sqs.store.QueueStore.Changes.PutDelivery;
import io.thingtank.sqs.store.QueueStore.Changes.PutMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The queues in the engine's {@code sqs} column family, laid out as {@link QueueKeys} says.
 * The only class of this module that touches RocksDB. Blocking; thread-safe (RocksDB is), but
 * callers keep one queue's changes on one executor stripe.
 */
public final class RocksQueueStore implements QueueStore {
  private final RocksEngine engine;
  private final Table table;

  public RocksQueueStore(RocksEngine engine) {
    this.engine = engine;
    this.table = engine.table("sqs");
  }

  @Override
  public List<Queue> loadQueues() {
    List<Queue> out = new ArrayList<>();
    table.scanPrefix(QueueKeys.queues(), (k, v) -> out.add(Records.queue(v)));
    return out;
  }

  @Override
  public void loadMessages(long queueId, MessageVisitor visitor) {
    table.scanPrefix(QueueKeys.prefix(QueueKeys.MESSAGE, queueId), (k, v) -> {
      byte[] d = table.get(QueueKeys.delivery(queueId, QueueKeys.seq(k)));
      visitor.visit(Records.message(v), d == null ? new Delivery(0, 0, 0, 0) : Records.delivery(d));
      return true;
    });
  }

  @Override
  public List<Deduplication> loadDeduplications(long queueId) {
    List<Deduplication> out = new ArrayList<>();
    table.scanPrefix(QueueKeys.prefix(QueueKeys.DEDUPLICATION, queueId),
        (k, v) -> out.add(Records.deduplication(QueueKeys.dedupKey(k), v)));
    return out;
  }

  @Override
  public io.thingtank.sqs.model.Message message(long queueId, long seq) {
    byte[] v = table.get(QueueKeys.message(queueId, seq));
    return v == null ? null : Records.message(v);
  }

  @Override
  public void putQueue(Queue queue) {
    table.put(QueueKeys.queue(queue.account(), queue.name()), Records.queue(queue));
  }

  @Override
  public void deleteQueue(Queue queue) {
    // The queue record goes first: if the process dies before the ranges are gone, the orphaned
    // messages belong to no queue and are removed at the next start (see orphans()).
    table.delete(QueueKeys.queue(queue.account(), queue.name()));
    for (byte kind : new byte[] {QueueKeys.MESSAGE, QueueKeys.DELIVERY, QueueKeys.DEDUPLICATION}) {
      byte[] p = QueueKeys.prefix(kind, queue.id());
      table.deleteRange(p, Keys.prefixEnd(p));
    }
  }

  @Override
  public void purge(long queueId) {
    for (byte kind : new byte[] {QueueKeys.MESSAGE, QueueKeys.DELIVERY}) {
      byte[] p = QueueKeys.prefix(kind, queueId);
      table.deleteRange(p, Keys.prefixEnd(p));
    }
  }

  @Override
  public void apply(Changes changes) {
    if (changes.isEmpty()) return;
    RocksEngine.Batch batch = engine.batch();
    for (Changes.Change c : changes.list()) {
      switch (c) {
        case PutMessage p -> {
          batch.put(table, QueueKeys.message(p.queueId(), p.message().seq()), Records.message(p.message()));
          batch.put(table, QueueKeys.delivery(p.queueId(), p.message().seq()), Records.delivery(p.delivery()));
        }
        case PutDelivery p -> batch.put(table, QueueKeys.delivery(p.queueId(), p.seq()), Records.delivery(p.delivery()));
        case DeleteMessage d -> {
          batch.delete(table, QueueKeys.message(d.queueId(), d.seq()));
          batch.delete(table, QueueKeys.delivery(d.queueId(), d.seq()));
        }
        case PutDeduplication p -> batch.put(table, QueueKeys.deduplication(p.queueId(), p.deduplication().key()),
            Records.deduplication(p.deduplication()));
        case DeleteDeduplication d -> batch.delete(table, QueueKeys.deduplication(d.queueId(), d.key()));
      }
    }
    engine.write(batch);
  }

  @Override
  public void removeOrphans(java.util.Set<Long> liveQueueIds) {
    for (byte kind : new byte[] {QueueKeys.MESSAGE, QueueKeys.DELIVERY, QueueKeys.DEDUPLICATION}) {
      // One short scan per queue id present: find the next id, then jump past its keys.
      byte[] from = {kind};
      byte[] end = Keys.prefixEnd(from);
      while (true) {
        long[] found = {-1};
        table.scan(from, end, (k, v) -> {
          found[0] = java.nio.ByteBuffer.wrap(k, 1, 8).getLong();
          return false;
        });
        if (found[0] < 0) break;
        byte[] p = QueueKeys.prefix(kind, found[0]);
        byte[] next = Keys.prefixEnd(p);
        if (!liveQueueIds.contains(found[0])) table.deleteRange(p, next);
        if (next == null) break;
        from = next;
      }
    }
  }
}

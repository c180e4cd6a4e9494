package io.thingtank.sqs.store;

import io.thingtank.sqs.model.Delivery;
import io.thingtank.sqs.model.Message;
import io.thingtank.sqs.model.Queue;
import io.thingtank.sqs.store.QueueStore.Changes.DeleteDeduplication;
import io.thingtank.sqs.store.QueueStore.Changes.DeleteMessage;
import io.thingtank.sqs.store.QueueStore.Changes.PutDeduplication;
import io.thingtank.sqs.store.QueueStore.Changes.PutDelivery;
import io.thingtank.sqs.store.QueueStore.Changes.PutMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link QueueStore} in memory, for unit tests: nothing survives the process. Thread-safe. */
public final class InMemoryQueueStore implements QueueStore {
  private final Map<String, Queue> queues = new ConcurrentHashMap<>();
  private final Map<Long, TreeMap<Long, Message>> messages = new ConcurrentHashMap<>();
  private final Map<Long, Map<Long, Delivery>> deliveries = new ConcurrentHashMap<>();
  private final Map<Long, Map<String, Deduplication>> dedups = new ConcurrentHashMap<>();

  @Override public List<Queue> loadQueues() { return new ArrayList<>(queues.values()); }

  @Override
  public synchronized void loadMessages(long queueId, MessageVisitor visitor) {
    messages.getOrDefault(queueId, new TreeMap<>()).values()
        .forEach(m -> visitor.visit(m, deliveries.get(queueId).get(m.seq())));
  }

  @Override
  public List<Deduplication> loadDeduplications(long queueId) {
    return new ArrayList<>(dedups.getOrDefault(queueId, Map.of()).values());
  }

  @Override
  public synchronized Message message(long queueId, long seq) {
    TreeMap<Long, Message> m = messages.get(queueId);
    return m == null ? null : m.get(seq);
  }

  @Override public void putQueue(Queue q) { queues.put(q.account() + "/" + q.name(), q); }

  @Override
  public synchronized void deleteQueue(Queue q) {
    queues.remove(q.account() + "/" + q.name());
    messages.remove(q.id());
    deliveries.remove(q.id());
    dedups.remove(q.id());
  }

  @Override
  public synchronized void purge(long queueId) {
    messages.remove(queueId);
    deliveries.remove(queueId);
  }

  @Override
  public synchronized void removeOrphans(Set<Long> liveQueueIds) {
    messages.keySet().retainAll(liveQueueIds);
    deliveries.keySet().retainAll(liveQueueIds);
    dedups.keySet().retainAll(liveQueueIds);
  }

  @Override
  public synchronized void apply(Changes changes) {
    for (Changes.Change c : changes.list()) {
      switch (c) {
        case PutMessage p -> {
          messages.computeIfAbsent(p.queueId(), k -> new TreeMap<>()).put(p.message().seq(), p.message());
          deliveries.computeIfAbsent(p.queueId(), k -> new ConcurrentHashMap<>()).put(p.message().seq(), p.delivery());
        }
        case PutDelivery p -> deliveries.computeIfAbsent(p.queueId(), k -> new ConcurrentHashMap<>()).put(p.seq(), p.delivery());
        case DeleteMessage d -> {
          TreeMap<Long, Message> m = messages.get(d.queueId());
          if (m != null) m.remove(d.seq());
          Map<Long, Delivery> dl = deliveries.get(d.queueId());
          if (dl != null) dl.remove(d.seq());
        }
        case PutDeduplication p -> dedups.computeIfAbsent(p.queueId(), k -> new ConcurrentHashMap<>())
            .put(p.deduplication().key(), p.deduplication());
        case DeleteDeduplication d -> {
          Map<String, Deduplication> m = dedups.get(d.queueId());
          if (m != null) m.remove(d.key());
        }
      }
    }
  }
}

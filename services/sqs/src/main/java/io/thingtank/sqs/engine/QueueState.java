package io.thingtank.sqs.engine;

import io.thingtank.core.Ids;
import io.thingtank.sqs.SqsErrors;
import io.thingtank.sqs.model.Delivery;
import io.thingtank.sqs.model.Message;
import io.thingtank.sqs.model.Queue;
import io.thingtank.sqs.model.QueueAttributes;
import io.thingtank.sqs.model.RedrivePolicy;
import io.thingtank.sqs.store.QueueStore;
import io.thingtank.sqs.store.QueueStore.Changes;
import io.thingtank.sqs.store.QueueStore.Deduplication;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * One queue's messages as an in-memory index over the store: entries by sequence number, by
 * age (retention), pending ones by visibility time, visible ones in a {@link ReadySet}. A receive
 * moves due entries from pending to ready and takes from the front, so it costs O(k log n) for
 * k messages, never a scan; the Approximate* counters are kept as entries change state.
 *
 * <p>Threading: every method except {@link #queue()} and the waiter methods runs on this queue's
 * {@code StoreExecutor} stripe, which serialises all changes of one queue. Writes are collected
 * in a {@link Changes} that the caller applies before answering.
 */
final class QueueState {
  private static final long ATTEMPT_MILLIS = 5 * 60_000;
  private static final long PURGE_MILLIS = 60_000;
  private static final long MAX_VISIBILITY_MILLIS = 43_200_000;

  private volatile Queue queue;
  private RedrivePolicy redrive;
  private final LongSupplier seqs;
  private final Ids ids;
  private final Map<Long, Entry> bySeq = new HashMap<>();
  private final TreeSet<Entry> byAge = new TreeSet<>(Entry.BY_AGE);
  private final TreeSet<Entry> pending = new TreeSet<>(Entry.BY_VISIBILITY);
  private ReadySet ready;
  private int inFlight;
  private int delayed;
  private final FifoDeduplication dedup;
  private final Map<String, Attempt> attempts = new HashMap<>();
  private final List<Promise<Void>> waiters = new ArrayList<>();
  private long lastPurgeMillis = Long.MIN_VALUE / 2;
  private volatile boolean deleted;

  private record Attempt(List<Long> seqs, List<Long> nonces, long expiresAt) {}

  QueueState(Queue queue, LongSupplier seqs, Ids ids) {
    this.seqs = seqs;
    this.ids = ids;
    this.ready = ReadySet.of(queue.fifo());
    this.dedup = new FifoDeduplication(queue.id());
    update(queue);
  }

  Queue queue() { return queue; }

  /** Marks the queue deleted: work still queued for it fails with QueueDoesNotExist. Any thread. */
  void markDeleted() { deleted = true; }

  boolean deleted() { return deleted; }

  void update(Queue q) {
    this.queue = q;
    String rp = q.attributes().get(QueueAttributes.REDRIVE_POLICY);
    this.redrive = rp == null ? null : RedrivePolicy.parse(rp);
  }

  RedrivePolicy redrive() { return redrive; }

  /** Adds a stored message at start-up. */
  void restore(Message m, Delivery d, long now) { insert(new Entry(m.seq(), m.sentMillis(), group(m), d, now)); }

  void restore(Deduplication d) { dedup.restore(d); }

  /** Adds a message moved here from another queue (dead-letter or redrive), visible at once. */
  void insertMoved(Message m, long now) {
    insert(new Entry(m.seq(), m.sentMillis(), group(m), new Delivery(now, 0, 0, 0), now));
  }

  List<Sent> send(List<Outgoing> messages, long now, Changes changes) {
    Queue q = queue;
    List<Sent> out = new ArrayList<>(messages.size());
    for (Outgoing o : messages) {
      String key = null;
      if (q.fifo()) {
        key = FifoDeduplication.key(q.deduplicationPerGroup(), o.groupId(), o.deduplicationId());
        Deduplication earlier = dedup.find(key, now, changes);
        if (earlier != null) {
          out.add(new Sent(earlier.messageId(), earlier.seq()));
          continue;
        }
      }
      long seq = seqs.getAsLong();
      String id = ids.uuid();
      int delay = o.delaySeconds() != null ? o.delaySeconds() : q.delaySeconds();
      Message m = new Message(seq, id, o.body(), o.attributes(), o.traceHeader(), now, o.senderId(), o.groupId(),
          o.deduplicationId(), null, o.md5OfBody());
      Delivery d = new Delivery(now + delay * 1000L, 0, 0, 0);
      changes.add(new Changes.PutMessage(q.id(), m, d));
      if (key != null) dedup.remember(new Deduplication(key, id, seq, now), changes);
      insert(new Entry(seq, now, group(m), d, now));
      out.add(new Sent(id, seq));
    }
    return out;
  }

  /**
   * Takes up to {@code max} visible messages and makes them invisible for the timeout. Messages
   * already received maxReceiveCount times are not delivered: they are removed here and returned
   * in {@code deadLettered} for the caller to move (only when {@code deadLetterQueueExists}).
   */
  List<Received> receive(ReceiveOptions o, long now, boolean deadLetterQueueExists, QueueStore store,
      Changes changes, List<Message> deadLettered) {
    advance(now, changes);
    if (o.attemptId() != null && queue.fifo()) {
      List<Received> again = repeatAttempt(o.attemptId(), now, store);
      if (again != null) return again;
    }
    List<Received> out = new ArrayList<>();
    for (Entry e : ready.take(o.max())) {
      if (redrive != null && deadLetterQueueExists && e.receiveCount >= redrive.maxReceiveCount()) {
        Message m = store.message(queue.id(), e.seq);
        forget(e);
        ready.release(e);
        changes.add(new Changes.DeleteMessage(queue.id(), e.seq));
        if (m != null) deadLettered.add(m);
        continue;
      }
      Message m = store.message(queue.id(), e.seq);
      if (m == null) {
        // Not stored (cannot happen while hand-overs follow their writes): drop the index entry.
        forget(e);
        ready.release(e);
        continue;
      }
      e.receiveCount++;
      if (e.firstReceiveMillis == 0) e.firstReceiveMillis = now;
      e.receiptNonce = ids.nextLong();
      e.visibleAt = now + o.visibilityTimeoutSeconds() * 1000L;
      e.state = Entry.State.IN_FLIGHT;
      inFlight++;
      pending.add(e);
      changes.add(new Changes.PutDelivery(queue.id(), e.seq, e.delivery()));
      out.add(new Received(m, e.delivery(), handle(e)));
    }
    if (o.attemptId() != null && queue.fifo() && !out.isEmpty()) {
      attempts.put(o.attemptId(), new Attempt(out.stream().map(r -> r.message().seq()).toList(),
          out.stream().map(r -> r.delivery().receiptNonce()).toList(), now + ATTEMPT_MILLIS));
    }
    return out;
  }

  /** Removes up to {@code max} visible messages for a move task and returns them. */
  List<Message> drain(int max, long now, QueueStore store, Changes changes) {
    advance(now, changes);
    List<Message> out = new ArrayList<>();
    for (Entry e : ready.take(max)) {
      forget(e);
      ready.release(e);
      changes.add(new Changes.DeleteMessage(queue.id(), e.seq));
      Message m = store.message(queue.id(), e.seq);
      if (m != null) out.add(m);
    }
    return out;
  }

  /** Deletes the message if the handle is its latest; a stale or spent handle changes nothing. */
  boolean delete(ReceiptHandle h, Changes changes) {
    Entry e = bySeq.get(h.seq());
    if (!matches(e, h)) return false;
    remove(e, changes);
    return true;
  }

  /**
   * Sets a new visibility timeout on an in-flight message; true when it became visible now. The
   * message may stay invisible at most 12 hours after its first receive (API reference,
   * ChangeMessageVisibility).
   */
  boolean changeVisibility(ReceiptHandle h, String text, int seconds, long now, Changes changes) {
    advance(now, changes);
    Entry e = bySeq.get(h.seq());
    if (!matches(e, h)) {
      throw SqsErrors.invalidParameter("ReceiptHandle", text,
          "Message does not exist or is not available for visibility timeout change.");
    }
    if (e.state != Entry.State.IN_FLIGHT) throw SqsErrors.messageNotInflight();
    if (now + seconds * 1000L - e.firstReceiveMillis > MAX_VISIBILITY_MILLIS) {
      throw SqsErrors.invalidParameter("VisibilityTimeout", seconds,
          "Total VisibilityTimeout for the message is beyond the limit [43200 seconds]");
    }
    pending.remove(e);
    e.visibleAt = now + seconds * 1000L;
    pending.add(e);
    changes.add(new Changes.PutDelivery(queue.id(), e.seq, e.delivery()));
    advance(now, changes);
    return e.state == Entry.State.READY;
  }

  /** PurgeQueue: drops every message; refused within 60 s of the last purge. */
  void purge(long now, String queueUrl) {
    if (now - lastPurgeMillis < PURGE_MILLIS) throw SqsErrors.purgeQueueInProgress(queueUrl);
    lastPurgeMillis = now;
    bySeq.clear();
    byAge.clear();
    pending.clear();
    ready = ReadySet.of(queue.fifo());
    inFlight = 0;
    delayed = 0;
    attempts.clear();
  }

  QueueCounts counts(long now, Changes changes) {
    advance(now, changes);
    return new QueueCounts(ready.size(), inFlight, delayed);
  }

  /** When the next pending message becomes visible (Long.MAX_VALUE if none): when long polls re-check. */
  long nextVisibleAt() { return pending.isEmpty() ? Long.MAX_VALUE : pending.first().visibleAt; }

  /** Registers a long-polling receiver to wake on the next send. Any thread. */
  void addWaiter(Promise<Void> p) {
    synchronized (waiters) {
      if (waiters.size() > 64) waiters.removeIf(w -> w.future().isComplete());
      waiters.add(p);
    }
  }

  /** Wakes up to {@code messages} long-polling receivers (one per new message: no thundering herd). Any thread. */
  void wakeWaiters(int messages) {
    List<Promise<Void>> wake = new ArrayList<>();
    synchronized (waiters) {
      while (!waiters.isEmpty() && wake.size() < messages) {
        Promise<Void> p = waiters.removeFirst();
        if (!p.future().isComplete()) wake.add(p);
      }
    }
    for (Promise<Void> p : wake) p.tryComplete();
  }

  /** Wakes every long-polling receiver (the queue was deleted). Any thread. */
  void wakeAllWaiters() { wakeWaiters(Integer.MAX_VALUE); }

  private List<Received> repeatAttempt(String attemptId, long now, QueueStore store) {
    Attempt a = attempts.get(attemptId);
    if (a == null) return null;
    if (a.expiresAt() <= now) {
      attempts.remove(attemptId);
      return null;
    }
    List<Received> out = new ArrayList<>();
    for (int i = 0; i < a.seqs().size(); i++) {
      Entry e = bySeq.get(a.seqs().get(i));
      if (e == null || e.state != Entry.State.IN_FLIGHT || e.receiptNonce != a.nonces().get(i)) return null;
      out.add(new Received(store.message(queue.id(), e.seq), e.delivery(), handle(e)));
    }
    return out;
  }

  /** Moves due pending entries to ready and drops messages past the retention period. */
  private void advance(long now, Changes changes) {
    long retention = queue.retentionSeconds() * 1000L;
    while (!byAge.isEmpty() && byAge.first().sentMillis + retention <= now) remove(byAge.first(), changes);
    while (!pending.isEmpty() && pending.first().visibleAt <= now) {
      Entry e = pending.pollFirst();
      if (e.state == Entry.State.IN_FLIGHT) {
        inFlight--;
        e.state = Entry.State.READY;
        ready.add(e);
        ready.release(e);
      } else {
        delayed--;
        e.state = Entry.State.READY;
        ready.add(e);
      }
    }
  }

  private void insert(Entry e) {
    bySeq.put(e.seq, e);
    byAge.add(e);
    switch (e.state) {
      case READY -> ready.add(e);
      case DELAYED -> {
        delayed++;
        pending.add(e);
      }
      case IN_FLIGHT -> {
        // Restored in flight: the FIFO group stays locked until it is deleted or visible again.
        inFlight++;
        pending.add(e);
        ready.lock(e);
      }
    }
  }

  private void remove(Entry e, Changes changes) {
    forget(e);
    switch (e.state) {
      case READY -> ready.remove(e);
      case DELAYED -> {
        pending.remove(e);
        delayed--;
      }
      case IN_FLIGHT -> {
        pending.remove(e);
        inFlight--;
        ready.release(e);
      }
    }
    changes.add(new Changes.DeleteMessage(queue.id(), e.seq));
  }

  private void forget(Entry e) {
    bySeq.remove(e.seq);
    byAge.remove(e);
  }

  /** Whether the handle is the latest of a message that was received (a never-received one has none). */
  private static boolean matches(Entry e, ReceiptHandle h) {
    return e != null && e.receiveCount > 0 && e.receiptNonce == h.nonce();
  }

  private String handle(Entry e) { return new ReceiptHandle(queue.id(), e.seq, e.receiptNonce).encode(); }

  private String group(Message m) { return queue.fifo() ? m.groupId() : null; }
}

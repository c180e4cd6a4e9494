package io.thingtank.sqs.engine;

import io.thingtank.aws.AwsError;
import io.thingtank.core.Clock;
import io.thingtank.core.Ids;
import io.thingtank.core.storage.StoreExecutor;
import io.thingtank.sqs.SqsErrors;
import io.thingtank.sqs.model.Delivery;
import io.thingtank.sqs.model.Message;
import io.thingtank.sqs.model.Queue;
import io.thingtank.sqs.model.QueueAttributes;
import io.thingtank.sqs.model.RedriveAllowPolicy;
import io.thingtank.sqs.model.RedrivePolicy;
import io.thingtank.sqs.store.QueueStore;
import io.thingtank.sqs.store.QueueStore.Changes;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Every queue of the process and the operations on them. Lookups run on any thread; each
 * change runs on its queue's {@link StoreExecutor} stripe, writes its {@link Changes} to the store
 * (durable before the future completes) and completes on the caller's context. Receives long-poll
 * without polling: an empty receive registers a waiter that the next send (or a timer at the
 * next visibility time or the deadline) wakes.
 */
public final class Queues {
  private static final long DELETED_RECENTLY_MILLIS = 60_000;

  private final Vertx vertx;
  private final StoreExecutor executor;
  private final QueueStore store;
  private final Clock clock;
  private final Ids ids;
  private final AtomicLong seqs = new AtomicLong(1);
  private final Map<String, QueueState> byName = new ConcurrentHashMap<>();
  private final Map<String, Long> deletedAt = new ConcurrentHashMap<>();

  public Queues(Vertx vertx, StoreExecutor executor, QueueStore store, Clock clock, Ids ids) {
    this.vertx = vertx;
    this.executor = executor;
    this.store = store;
    this.clock = clock;
    this.ids = ids;
  }

  /** Reads every queue and message from the store. Blocking; once, before requests. */
  public void load() {
    long now = clock.millis();
    long maxSeq = 0;
    Set<Long> live = new HashSet<>();
    for (Queue q : store.loadQueues()) {
      QueueState s = new QueueState(q, seqs::getAndIncrement, ids);
      long[] max = {0};
      store.loadMessages(q.id(), (m, d) -> {
        s.restore(m, d, now);
        max[0] = Math.max(max[0], m.seq());
      });
      store.loadDeduplications(q.id()).stream().sorted(Comparator.comparingLong(QueueStore.Deduplication::sentMillis))
          .forEach(s::restore);
      maxSeq = Math.max(maxSeq, max[0]);
      live.add(q.id());
      byName.put(key(q.account(), q.name()), s);
    }
    store.removeOrphans(live);
    seqs.set(maxSeq + 1);
  }

  public long now() { return clock.millis(); }

  /** The queue a QueueUrl (any host; {@code /<account>/<name>}) or bare name names; QueueDoesNotExist if none. */
  public Queue require(String account, String queueUrl) { return state(account, queueUrl).queue(); }

  public Queue find(String account, String name) {
    QueueState s = byName.get(key(account, name));
    return s == null ? null : s.queue();
  }

  /** The queue with this ARN, or null. */
  public Queue byArn(String arn) {
    String[] p = arn == null ? new String[0] : arn.split(":");
    return p.length == 6 && p[2].equals("sqs") ? find(p[4], p[5]) : null;
  }

  /** The account's queues whose names start with {@code prefix}, by name. */
  public List<Queue> list(String account, String prefix) {
    List<Queue> out = new ArrayList<>();
    for (QueueState s : byName.values()) {
      Queue q = s.queue();
      if (q.account().equals(account) && (prefix == null || q.name().startsWith(prefix))) out.add(q);
    }
    out.sort(Comparator.comparing(Queue::name));
    return out;
  }

  /** CreateQueue: the new queue, or the existing one when every given attribute matches. */
  public Future<Queue> create(String account, String region, String name, Map<String, String> attributes,
      Map<String, String> tags) {
    String key = key(account, name);
    return executor.submit(key, () -> {
      long now = clock.millis();
      Map<String, String> attrs = QueueAttributes.forCreate(attributes, name.endsWith(".fifo"));
      QueueState existing = byName.get(key);
      if (existing != null) {
        Map<String, String> have = existing.queue().attributes();
        for (Map.Entry<String, String> e : attrs.entrySet()) {
          if (attributes.containsKey(e.getKey()) && !e.getValue().equals(have.get(e.getKey()))) {
            throw SqsErrors.queueNameExists(name);
          }
        }
        return existing.queue();
      }
      Long deleted = deletedAt.get(key);
      if (deleted != null && now - deleted < DELETED_RECENTLY_MILLIS) throw SqsErrors.queueDeletedRecently();
      Queue q = new Queue(ids.nextLong() & Long.MAX_VALUE, account, region, name, attrs, tags, now, now);
      checkRedrive(q);
      store.putQueue(q);
      byName.put(key, new QueueState(q, seqs::getAndIncrement, ids));
      return q;
    });
  }

  public Future<Void> delete(Queue q) {
    QueueState s = byName.remove(key(q.account(), q.name()));
    if (s == null) return Future.failedFuture(SqsErrors.queueDoesNotExist());
    deletedAt.put(key(q.account(), q.name()), clock.millis());
    s.markDeleted();
    return executor.submit(q.id(), () -> {
      store.deleteQueue(q);
      return null;
    }).onComplete(x -> s.wakeAllWaiters()).mapEmpty();
  }

  /** Changes the queue's settings (attributes, tags, policy) on its stripe. */
  public Future<Queue> update(Queue q, UnaryOperator<Queue> change) {
    QueueState s = state(q);
    return executor.submit(q.id(), () -> {
      if (s.deleted()) throw SqsErrors.queueDoesNotExist();
      Queue before = s.queue();
      Queue changed = change.apply(before);
      // Only a new RedrivePolicy is checked: a queue whose DLQ was deleted can still be tagged.
      if (!java.util.Objects.equals(before.attributes().get(QueueAttributes.REDRIVE_POLICY),
          changed.attributes().get(QueueAttributes.REDRIVE_POLICY))) {
        checkRedrive(changed);
      }
      store.putQueue(changed);
      s.update(changed);
      return changed;
    });
  }

  public Future<List<Sent>> send(Queue q, List<Outgoing> messages) {
    QueueState s = state(q);
    return onQueue(s, (state, changes) -> state.send(messages, clock.millis(), changes))
        .onSuccess(x -> s.wakeWaiters(messages.size()));
  }

  /** ReceiveMessage, waiting up to {@link ReceiveOptions#waitMillis} for a message to arrive. */
  public Future<List<Received>> receive(Queue q, ReceiveOptions o) {
    return attempt(state(q), o, System.nanoTime() + o.waitMillis() * 1_000_000L);
  }

  private Future<List<Received>> attempt(QueueState s, ReceiveOptions o, long deadlineNanos) {
    Promise<Void> wake = ((ContextInternal) vertx.getOrCreateContext()).promise();
    long[] nextVisible = {Long.MAX_VALUE};
    return onQueue(s, (QueueState state, Changes changes, List<Runnable> afterWrite) -> {
      long now = clock.millis();
      RedrivePolicy rp = state.redrive();
      QueueState dlq = rp == null ? null : stateOrNull(byArn(rp.deadLetterTargetArn()));
      List<Message> dead = new ArrayList<>();
      List<Received> got = state.receive(o, now, dlq != null, store, changes, dead);
      List<Message> moved = new ArrayList<>();
      for (Message m : dead) {
        Message copy = m.movedTo(seqs.getAndIncrement(), state.queue().arn());
        changes.add(new Changes.PutMessage(dlq.queue().id(), copy, new Delivery(now, 0, 0, 0)));
        moved.add(copy);
      }
      if (!moved.isEmpty()) afterWrite.add(() -> handOver(dlq, moved, now));
      if (got.isEmpty() && deadlineNanos - System.nanoTime() > 0) {
        state.addWaiter(wake);
        nextVisible[0] = state.nextVisibleAt();
      }
      return got;
    }).compose(got -> {
      long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000L;
      if (!got.isEmpty() || remaining <= 0) return Future.succeededFuture(got);
      long untilVisible = nextVisible[0] == Long.MAX_VALUE ? Long.MAX_VALUE : nextVisible[0] - clock.millis();
      long timer = vertx.setTimer(Math.max(1, Math.min(remaining, untilVisible)), id -> wake.tryComplete());
      return wake.future().compose(v -> {
        vertx.cancelTimer(timer);
        return attempt(s, o, deadlineNanos);
      });
    });
  }

  /** DeleteMessage(Batch): per handle, null when done (stale handles are done too) or the error. */
  public Future<List<AwsError>> delete(Queue q, List<String> handles) {
    return onQueue(state(q), (state, changes) -> {
      List<AwsError> out = new ArrayList<>();
      for (String text : handles) {
        ReceiptHandle h = ReceiptHandle.decode(text);
        if (h == null || h.queueId() != q.id()) {
          out.add(SqsErrors.receiptHandleIsInvalid(text));
          continue;
        }
        state.delete(h, changes);
        out.add(null);
      }
      return out;
    });
  }

  /** A visibility change of one message. */
  public record VisibilityChange(String receiptHandle, int seconds) {}

  /** ChangeMessageVisibility(Batch): per entry, null when done or the error. */
  public Future<List<AwsError>> changeVisibility(Queue q, List<VisibilityChange> entries) {
    QueueState s = state(q);
    int[] visible = {0};
    return onQueue(s, (state, changes) -> {
      List<AwsError> out = new ArrayList<>();
      for (VisibilityChange c : entries) {
        ReceiptHandle h = ReceiptHandle.decode(c.receiptHandle());
        try {
          if (h == null || h.queueId() != q.id()) throw SqsErrors.receiptHandleIsInvalid(c.receiptHandle());
          if (state.changeVisibility(h, c.receiptHandle(), c.seconds(), clock.millis(), changes)) visible[0]++;
          out.add(null);
        } catch (AwsError e) {
          out.add(e);
        }
      }
      return out;
    }).onSuccess(x -> s.wakeWaiters(visible[0]));
  }

  public Future<Void> purge(Queue q, String queueUrl) {
    QueueState s = state(q);
    return executor.submit(q.id(), () -> {
      if (s.deleted()) throw SqsErrors.queueDoesNotExist();
      s.purge(clock.millis(), queueUrl);
      store.purge(q.id());
      return null;
    });
  }

  public Future<QueueCounts> counts(Queue q) {
    return onQueue(state(q), (state, changes) -> state.counts(clock.millis(), changes));
  }

  /** The queues whose RedrivePolicy names {@code deadLetter}, by name. */
  public List<Queue> deadLetterSources(Queue deadLetter) {
    List<Queue> out = new ArrayList<>();
    for (Queue q : list(deadLetter.account(), null)) {
      String rp = q.attributes().get(QueueAttributes.REDRIVE_POLICY);
      if (rp != null && RedrivePolicy.parse(rp).deadLetterTargetArn().equals(deadLetter.arn())) out.add(q);
    }
    return out;
  }

  /**
   * Moves up to {@code max} visible messages of {@code from} to {@code to} (or, when null, to the
   * queue each came from); returns how many moved. The removal and the insertion are one write.
   */
  Future<Integer> move(Queue from, Queue to, int max) {
    return onQueue(state(from), (QueueState state, Changes changes, List<Runnable> afterWrite) -> {
      long now = clock.millis();
      List<Message> drained = state.drain(max, now, store, changes);
      Map<QueueState, List<Message>> byTarget = new java.util.LinkedHashMap<>();
      for (Message m : drained) {
        QueueState target = stateOrNull(to != null ? to : byArn(m.deadLetterSourceArn()));
        if (target == null) throw SqsErrors.resourceNotFound("The destination queue of message " + m.messageId()
            + " does not exist.");
        Message copy = m.movedTo(seqs.getAndIncrement(), null);
        changes.add(new Changes.PutMessage(target.queue().id(), copy, new Delivery(now, 0, 0, 0)));
        byTarget.computeIfAbsent(target, k -> new ArrayList<>()).add(copy);
      }
      afterWrite.add(() -> byTarget.forEach((target, list) -> handOver(target, list, now)));
      return drained.size();
    });
  }

  /** Adds moved messages to their new queue's index, on its stripe (they are already stored). */
  private void handOver(QueueState target, List<Message> messages, long now) {
    executor.submit(target.queue().id(), () -> {
      for (Message m : messages) target.insertMoved(m, now);
      return null;
    }).onSuccess(x -> target.wakeWaiters(messages.size()));
  }

  private <T> Future<T> onQueue(QueueState s, BiFunction<QueueState, Changes, T> work) {
    return onQueue(s, (state, changes, afterWrite) -> work.apply(state, changes));
  }

  /**
   * Runs {@code work} on the queue's stripe, writes its changes, then runs what it asked to run
   * after the write (hand-overs to other queues must not be visible before their messages are stored).
   */
  private <T> Future<T> onQueue(QueueState s, QueueWork<T> work) {
    return executor.submit(s.queue().id(), () -> {
      if (s.deleted()) throw SqsErrors.queueDoesNotExist();
      Changes changes = new Changes();
      List<Runnable> afterWrite = new ArrayList<>();
      T result = work.run(s, changes, afterWrite);
      store.apply(changes);
      afterWrite.forEach(Runnable::run);
      return result;
    });
  }

  /** Work on one queue: reads and changes its state, collects store writes and post-write actions. */
  @FunctionalInterface
  private interface QueueWork<T> {
    T run(QueueState state, Changes changes, List<Runnable> afterWrite);
  }

  /** A dead-letter target must exist, be of the same type and allow this source. */
  private void checkRedrive(Queue q) {
    String rp = q.attributes().get(QueueAttributes.REDRIVE_POLICY);
    if (rp == null) return;
    Queue dlq = byArn(RedrivePolicy.parse(rp).deadLetterTargetArn());
    if (dlq == null) {
      throw SqsErrors.invalidParameter("RedrivePolicy", rp, "Dead letter target does not exist.");
    }
    if (dlq.fifo() != q.fifo()) {
      throw SqsErrors.invalidParameter("RedrivePolicy", rp,
          "Dead-letter queue must be the same type of queue as the source.");
    }
    String allow = dlq.attributes().get(QueueAttributes.REDRIVE_ALLOW_POLICY);
    if (allow != null && !RedriveAllowPolicy.parse(allow).allows(q.arn())) {
      throw SqsErrors.invalidParameter("RedrivePolicy", rp,
          "Queue " + q.arn() + " is not allowed to use " + dlq.arn() + " as a dead-letter queue.");
    }
  }

  private QueueState state(Queue q) {
    QueueState s = byName.get(key(q.account(), q.name()));
    if (s == null || s.queue().id() != q.id()) throw SqsErrors.queueDoesNotExist();
    return s;
  }

  private QueueState stateOrNull(Queue q) { return q == null ? null : byName.get(key(q.account(), q.name())); }

  private QueueState state(String account, String queueUrl) {
    if (queueUrl == null || queueUrl.isEmpty()) throw SqsErrors.missingParameter("QueueUrl");
    String path = queueUrl;
    int scheme = path.indexOf("://");
    if (scheme >= 0) {
      int slash = path.indexOf('/', scheme + 3);
      path = slash < 0 ? "" : path.substring(slash + 1);
    }
    String[] parts = path.split("/");
    String name = parts[parts.length - 1];
    String owner = parts.length >= 2 ? parts[parts.length - 2] : account;
    QueueState s = byName.get(key(owner, name));
    if (s == null) throw SqsErrors.queueDoesNotExist();
    return s;
  }

  private static String key(String account, String name) { return account + "/" + name; }
}

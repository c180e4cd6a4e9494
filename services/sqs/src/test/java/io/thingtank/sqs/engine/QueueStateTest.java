package io.thingtank.sqs.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingtank.aws.AwsError;
import io.thingtank.core.Ids;
import io.thingtank.sqs.model.Delivery;
import io.thingtank.sqs.model.Message;
import io.thingtank.sqs.model.Queue;
import io.thingtank.sqs.model.QueueAttributes;
import io.thingtank.sqs.store.InMemoryQueueStore;
import io.thingtank.sqs.store.QueueStore.Changes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The in-memory index of one queue, driven with explicit times (no clock, no threads). */
class QueueStateTest {
  private final InMemoryQueueStore store = new InMemoryQueueStore();
  private final AtomicLong seqs = new AtomicLong(1);
  private long now = 1_000_000;

  private QueueState queue(String name, Map<String, String> attrs) {
    Queue q = new Queue(7, "000000000000", "us-east-1", name, QueueAttributes.forCreate(attrs, name.endsWith(".fifo")),
        Map.of(), now, now);
    return new QueueState(q, seqs::getAndIncrement, new Ids());
  }

  private List<Sent> send(QueueState s, Outgoing... messages) {
    Changes c = new Changes();
    List<Sent> sent = s.send(List.of(messages), now, c);
    store.apply(c);
    return sent;
  }

  private List<Received> receive(QueueState s, int max, int visibility, String attemptId) {
    Changes c = new Changes();
    List<Received> got = s.receive(new ReceiveOptions(max, visibility, attemptId, 0), now, false, store, c, new ArrayList<>());
    store.apply(c);
    return got;
  }

  private QueueCounts counts(QueueState s) { return s.counts(now, new Changes()); }

  private static Outgoing msg(String body) { return new Outgoing(body, "md5", Map.of(), null, null, null, null, "me"); }

  private static Outgoing fifoMsg(String body, String group) {
    return new Outgoing(body, "md5", Map.of(), null, null, group, body, "me");
  }

  @Test
  void aReceivedMessageIsInvisibleForTheTimeoutThenVisibleAgain() {
    QueueState s = queue("q", Map.of());
    send(s, msg("a"));
    Received first = receive(s, 10, 30, null).getFirst();
    assertThat(counts(s)).isEqualTo(new QueueCounts(0, 1, 0));
    now += 29_999;
    assertThat(receive(s, 10, 30, null)).isEmpty();
    now += 1;
    Received second = receive(s, 10, 30, null).getFirst();
    assertThat(second.delivery().receiveCount()).isEqualTo(2);
    assertThat(second.delivery().firstReceiveMillis()).isEqualTo(first.delivery().firstReceiveMillis());
    // The first handle is stale now: deleting with it changes nothing
    assertThat(s.delete(ReceiptHandle.decode(first.receiptHandle()), new Changes())).isFalse();
    assertThat(s.delete(ReceiptHandle.decode(second.receiptHandle()), new Changes())).isTrue();
    // A forged handle of a message never received (nonce 0) matches nothing.
    send(s, msg("b"));
    assertThat(s.delete(new ReceiptHandle(7, second.message().seq() + 1, 0), new Changes())).isFalse();
    assertThat(counts(s)).isEqualTo(new QueueCounts(1, 0, 0));
  }

  @Test
  void delayedMessagesAreCountedAsDelayedUntilDue() {
    QueueState s = queue("q", Map.of("DelaySeconds", "10"));
    send(s, msg("queue delay"), new Outgoing("own delay", "md5", Map.of(), null, 0, null, null, "me"));
    assertThat(counts(s)).isEqualTo(new QueueCounts(1, 0, 1));
    now += 10_000;
    assertThat(counts(s)).isEqualTo(new QueueCounts(2, 0, 0));
  }

  @Test
  void messagesPastTheRetentionPeriodAreDropped() {
    QueueState s = queue("q", Map.of("MessageRetentionPeriod", "60"));
    send(s, msg("old"));
    now += 30_000;
    send(s, msg("new"));
    now += 30_000;
    Changes c = new Changes();
    assertThat(s.counts(now, c)).isEqualTo(new QueueCounts(1, 0, 0));
    assertThat(c.list()).containsExactly(new Changes.DeleteMessage(7, 1));
    assertThat(receive(s, 10, 30, null)).extracting(r -> r.message().body()).containsExactly("new");
  }

  @Test
  void changeVisibilityNeedsAMessageInFlight() {
    QueueState s = queue("q", Map.of());
    send(s, msg("a"));
    Received r = receive(s, 1, 30, null).getFirst();
    ReceiptHandle h = ReceiptHandle.decode(r.receiptHandle());
    assertThat(s.changeVisibility(h, r.receiptHandle(), 0, now, new Changes())).isTrue();
    assertThat(counts(s)).isEqualTo(new QueueCounts(1, 0, 0));
    assertThatThrownBy(() -> s.changeVisibility(h, r.receiptHandle(), 10, now, new Changes()))
        .isInstanceOf(AwsError.class).extracting(e -> ((AwsError) e).code()).isEqualTo("MessageNotInflight");
    assertThatThrownBy(() -> s.changeVisibility(new ReceiptHandle(7, 99, 1), "x", 10, now, new Changes()))
        .isInstanceOf(AwsError.class).extracting(e -> ((AwsError) e).code()).isEqualTo("InvalidParameterValue");
  }

  @Test
  void fifoGroupsStayInOrderAcrossVisibilityTimeouts() {
    QueueState s = queue("q.fifo", Map.of("FifoQueue", "true"));
    send(s, fifoMsg("a1", "A"), fifoMsg("b1", "B"), fifoMsg("a2", "A"));
    assertThat(receive(s, 1, 30, null)).extracting(r -> r.message().body()).containsExactly("a1");
    assertThat(receive(s, 10, 30, null)).extracting(r -> r.message().body()).containsExactly("b1");
    now += 30_000;
    // a1 is visible again and still heads group A, before a2; b1 too.
    assertThat(receive(s, 10, 30, null)).extracting(r -> r.message().body()).containsExactly("a1", "a2", "b1");
  }

  @Test
  void aRestoredInFlightMessageKeepsItsFifoGroupLocked() {
    QueueState s = queue("q.fifo", Map.of("FifoQueue", "true"));
    s.restore(message(1, "A"), new Delivery(now + 30_000, 1, now, 5), now);
    s.restore(message(2, "A"), new Delivery(now, 0, 0, 0), now);
    s.restore(message(3, "B"), new Delivery(now, 0, 0, 0), now);
    store.apply(new Changes().add(new Changes.PutMessage(7, message(2, "A"), new Delivery(now, 0, 0, 0)))
        .add(new Changes.PutMessage(7, message(3, "B"), new Delivery(now, 0, 0, 0))));
    assertThat(counts(s)).isEqualTo(new QueueCounts(2, 1, 0));
    assertThat(receive(s, 10, 30, null)).extracting(r -> r.message().seq()).containsExactly(3L);
  }

  @Test
  void sameAttemptIdReturnsTheSameMessagesWhileInFlight() {
    QueueState s = queue("q.fifo", Map.of("FifoQueue", "true"));
    send(s, fifoMsg("a", "A"), fifoMsg("b", "B"));
    List<Received> first = receive(s, 1, 30, "attempt");
    assertThat(receive(s, 1, 30, "attempt")).extracting(Received::receiptHandle)
        .containsExactly(first.getFirst().receiptHandle());
    assertThat(receive(s, 1, 30, "other")).extracting(r -> r.message().body()).containsExactly("b");
  }

  @Test
  void purgeIsRefusedWithinSixtySeconds() {
    QueueState s = queue("q", Map.of());
    send(s, msg("a"));
    s.purge(now, "url");
    assertThat(counts(s)).isEqualTo(new QueueCounts(0, 0, 0));
    now += 59_999;
    assertThatThrownBy(() -> s.purge(now, "url")).isInstanceOf(AwsError.class)
        .extracting(e -> ((AwsError) e).queryCode()).isEqualTo("AWS.SimpleQueueService.PurgeQueueInProgress");
    now += 1;
    s.purge(now, "url");
  }

  private Message message(long seq, String group) {
    return new Message(seq, "id" + seq, "body" + seq, Map.of(), null, now, "me", group, "d" + seq, null, "md5");
  }

  @Test
  void visibilityCannotExtendBeyondTwelveHoursAfterTheFirstReceive() {
    QueueState s = queue("q", Map.of());
    send(s, msg("a"));
    Received r = receive(s, 1, 43_200, null).getFirst();
    ReceiptHandle h = ReceiptHandle.decode(r.receiptHandle());
    now += 3_600_000;
    assertThatThrownBy(() -> s.changeVisibility(h, r.receiptHandle(), 43_200, now, new Changes()))
        .isInstanceOf(AwsError.class).hasMessageContaining("beyond the limit");
    s.changeVisibility(h, r.receiptHandle(), 39_600, now, new Changes());
  }

  @Test
  void deduplicationPerMessageGroupScopesIdsByGroup() {
    QueueState perGroup = queue("g.fifo", Map.of("FifoQueue", "true", "DeduplicationScope", "messageGroup"));
    List<Sent> a = send(perGroup, new Outgoing("x", "md5", Map.of(), null, null, "A", "same", "me"),
        new Outgoing("x", "md5", Map.of(), null, null, "B", "same", "me"),
        new Outgoing("x", "md5", Map.of(), null, null, "A", "same", "me"));
    assertThat(a.get(1).messageId()).isNotEqualTo(a.get(0).messageId());
    assertThat(a.get(2).messageId()).isEqualTo(a.get(0).messageId());
    QueueState perQueue = queue("q.fifo", Map.of("FifoQueue", "true"));
    List<Sent> b = send(perQueue, new Outgoing("x", "md5", Map.of(), null, null, "A", "same", "me"),
        new Outgoing("x", "md5", Map.of(), null, null, "B", "same", "me"));
    assertThat(b.get(1).messageId()).isEqualTo(b.get(0).messageId());
    assertThat(counts(perQueue).visible()).isEqualTo(1);
  }
}

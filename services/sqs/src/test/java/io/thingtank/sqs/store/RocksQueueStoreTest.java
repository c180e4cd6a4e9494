package io.thingtank.sqs.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.core.storage.RocksEngine;
import io.thingtank.sqs.model.Delivery;
import io.thingtank.sqs.model.Message;
import io.thingtank.sqs.model.MessageAttribute;
import io.thingtank.sqs.model.Queue;
import io.thingtank.sqs.store.QueueStore.Changes;
import io.thingtank.sqs.store.QueueStore.Deduplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RocksDB layout: what is written comes back after reopening, and deletions remove everything. */
class RocksQueueStoreTest {
  @TempDir Path dir;

  private static final Queue QUEUE = new Queue(42, "000000000000", "us-east-1", "q",
      Map.of("VisibilityTimeout", "30"), Map.of("k", "v"), 1, 2);

  private static Message message(long seq) {
    return new Message(seq, "id-" + seq, "body ✓ " + seq,
        Map.of("s", new MessageAttribute("String", "v", null), "b", new MessageAttribute("Binary.x", null, new byte[] {0, 1})),
        new MessageAttribute("String", "Root=1", null), 100 + seq, "sender", seq % 2 == 0 ? "g" : null, "dedup",
        seq == 3 ? "arn:aws:sqs:us-east-1:0:src" : null, "md5");
  }

  @Test
  void writesSurviveReopening() {
    try (RocksEngine engine = RocksEngine.open(dir, false)) {
      RocksQueueStore store = new RocksQueueStore(engine);
      store.putQueue(QUEUE);
      Changes c = new Changes();
      for (long seq = 1; seq <= 3; seq++) c.add(new Changes.PutMessage(42, message(seq), new Delivery(seq, 0, 0, 0)));
      c.add(new Changes.PutDelivery(42, 2, new Delivery(500, 1, 400, 77)));
      c.add(new Changes.PutDeduplication(42, new Deduplication("dedup", "id-1", 1, 101)));
      store.apply(c);
    }
    try (RocksEngine engine = RocksEngine.open(dir, false)) {
      RocksQueueStore store = new RocksQueueStore(engine);
      assertThat(store.loadQueues()).containsExactly(QUEUE);
      List<Object> loaded = new ArrayList<>();
      store.loadMessages(42, (m, d) -> {
        loaded.add(m);
        loaded.add(d);
      });
      assertThat(loaded).containsExactly(message(1), new Delivery(1, 0, 0, 0), message(2), new Delivery(500, 1, 400, 77),
          message(3), new Delivery(3, 0, 0, 0));
      assertThat(store.loadDeduplications(42)).containsExactly(new Deduplication("dedup", "id-1", 1, 101));
      assertThat(store.message(42, 2)).isEqualTo(message(2));
    }
  }

  @Test
  void deletingAQueueOrItsOrphansRemovesItsKeys() {
    try (RocksEngine engine = RocksEngine.open(dir, false)) {
      RocksQueueStore store = new RocksQueueStore(engine);
      store.putQueue(QUEUE);
      store.apply(new Changes().add(new Changes.PutMessage(42, message(1), new Delivery(1, 0, 0, 0)))
          .add(new Changes.PutMessage(43, message(2), new Delivery(1, 0, 0, 0))));
      store.removeOrphans(Set.of(42L));
      assertThat(store.message(43, 2)).isNull();
      assertThat(store.message(42, 1)).isEqualTo(message(1));
      store.deleteQueue(QUEUE);
      assertThat(store.loadQueues()).isEmpty();
      assertThat(store.message(42, 1)).isNull();
    }
  }
}

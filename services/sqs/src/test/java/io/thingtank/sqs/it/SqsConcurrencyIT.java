package io.thingtank.sqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * 16 concurrent senders and 16 concurrent receivers (async SDK) on one queue: every message
 * arrives exactly once (visibility timeout long enough that none is redelivered). Prints the
 * rate it saw; asserts only correctness.
 */
@Timeout(120)
class SqsConcurrencyIT {
  static final int MESSAGES = 5_000;
  static final int IN_FLIGHT = 16;
  @TempDir Path dir;

  @Test
  void noMessageIsLostOrDuplicatedUnderConcurrency() throws Exception {
    try (SqsServer server = new SqsServer(dir)) {
      SqsAsyncClient sqs = server.async();
      String url = sqs.createQueue(b -> b.queueName("load").attributesWithStrings(
          java.util.Map.of("VisibilityTimeout", "300"))).get().queueUrl();
      long start = System.nanoTime();
      AtomicInteger next = new AtomicInteger();
      List<CompletableFuture<Void>> senders = new ArrayList<>();
      for (int w = 0; w < IN_FLIGHT; w++) senders.add(sendLoop(sqs, url, next));
      Set<String> seen = ConcurrentHashMap.newKeySet();
      AtomicInteger duplicates = new AtomicInteger();
      List<CompletableFuture<Void>> receivers = new ArrayList<>();
      for (int w = 0; w < IN_FLIGHT; w++) receivers.add(receiveLoop(sqs, url, seen, duplicates));
      CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get();
      CompletableFuture.allOf(receivers.toArray(CompletableFuture[]::new)).get();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("SqsConcurrencyIT: %d messages sent, received and deleted in %.2f s (%.0f msg/s)%n",
          MESSAGES, seconds, MESSAGES / seconds);
      assertThat(duplicates.get()).isZero();
      assertThat(seen).hasSize(MESSAGES);
    }
  }

  private static CompletableFuture<Void> sendLoop(SqsAsyncClient sqs, String url, AtomicInteger next) {
    int first = next.getAndAdd(10);
    if (first >= MESSAGES) return CompletableFuture.completedFuture(null);
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = first; i < Math.min(first + 10, MESSAGES); i++) {
      entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("message " + i).build());
    }
    return sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries)).thenCompose(r -> {
      if (!r.failed().isEmpty()) throw new IllegalStateException("send failed: " + r.failed());
      return sendLoop(sqs, url, next);
    });
  }

  private static CompletableFuture<Void> receiveLoop(SqsAsyncClient sqs, String url, Set<String> seen,
      AtomicInteger duplicates) {
    if (seen.size() >= MESSAGES) return CompletableFuture.completedFuture(null);
    return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).thenCompose(r -> {
      List<Message> got = r.messages();
      for (Message m : got) if (!seen.add(m.body())) duplicates.incrementAndGet();
      if (got.isEmpty()) return receiveLoop(sqs, url, seen, duplicates);
      List<DeleteMessageBatchRequestEntry> del = new ArrayList<>();
      for (int i = 0; i < got.size(); i++) {
        del.add(DeleteMessageBatchRequestEntry.builder().id("d" + i).receiptHandle(got.get(i).receiptHandle()).build());
      }
      return sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(del))
          .thenCompose(d -> receiveLoop(sqs, url, seen, duplicates));
    });
  }
}

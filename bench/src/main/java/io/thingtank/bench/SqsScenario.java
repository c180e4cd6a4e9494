package io.thingtank.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Scenario {@code sqs}: send N messages in batches of 10, then receive (10 at a time) and delete
 * them all, with a fixed number of requests in flight, through the AWS SDK v2 async client (which
 * checks every MD5). Reports msg/s, per-request p50/p99 latency, and lost/duplicate counts.
 */
final class SqsScenario {
  record Result(String target, int messages, double seconds, double sendPerSec, double receivePerSec,
      double totalPerSec, Histogram send, Histogram receive, int lost, int duplicates, long serverCpuMs,
      long clientCpuMs) {}

  static Result run(String target, Peer server, String keyId, String secret, int messages, int inFlight)
      throws Exception {
    URI endpoint = server.endpoint;
    try (SqsAsyncClient sqs = SqsAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
        .httpClient(NettyNioAsyncHttpClient.builder().maxConcurrency(inFlight * 2)
            .connectionAcquisitionTimeout(Duration.ofSeconds(30)).build())
        .build()) {
      String queueUrl = sqs.createQueue(b -> b.queueName("bench-" + System.nanoTime())).join().queueUrl();
      ConcurrentHistogram sendLatency = new ConcurrentHistogram(3);
      ConcurrentHistogram receiveLatency = new ConcurrentHistogram(3);

      long t0 = System.nanoTime();
      long serverCpu0 = server.cpuMillis();
      long clientCpu0 = Peer.benchCpuMillis();
      Semaphore slots = new Semaphore(inFlight);
      List<CompletableFuture<?>> sends = new ArrayList<>();
      for (int i = 0; i < messages; i += 10) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int j = i; j < Math.min(i + 10, messages); j++) {
          entries.add(SendMessageBatchRequestEntry.builder().id("m" + j).messageBody("message-" + j + "-" + "x".repeat(64)).build());
        }
        slots.acquire();
        long s = System.nanoTime();
        sends.add(sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries)).whenComplete((r, e) -> {
          sendLatency.recordValue((System.nanoTime() - s) / 1000);
          slots.release();
          if (e == null && !r.failed().isEmpty()) throw new IllegalStateException("batch failures: " + r.failed());
        }));
      }
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
      long t1 = System.nanoTime();

      Set<String> seen = ConcurrentHashMap.newKeySet();
      AtomicInteger duplicates = new AtomicInteger();
      AtomicInteger emptyStreak = new AtomicInteger();
      List<CompletableFuture<Void>> receivers = new ArrayList<>();
      for (int r = 0; r < inFlight; r++) {
        receivers.add(CompletableFuture.runAsync(() -> {
          while (seen.size() < messages && emptyStreak.get() < 3 * inFlight) {
            long s = System.nanoTime();
            List<Message> got = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .join().messages();
            receiveLatency.recordValue((System.nanoTime() - s) / 1000);
            if (got.isEmpty()) {
              emptyStreak.incrementAndGet();
              continue;
            }
            emptyStreak.set(0);
            List<DeleteMessageBatchRequestEntry> del = new ArrayList<>();
            for (Message m : got) {
              if (!seen.add(m.body())) duplicates.incrementAndGet();
              del.add(DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build());
            }
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(del)).join();
          }
        }));
      }
      CompletableFuture.allOf(receivers.toArray(CompletableFuture[]::new)).join();
      long t2 = System.nanoTime();
      long serverCpu = server.cpuMillis() - serverCpu0;
      long clientCpu = Peer.benchCpuMillis() - clientCpu0;
      sqs.deleteQueue(b -> b.queueUrl(queueUrl)).join();
      return new Result(target, messages, (t2 - t0) / 1e9, messages / ((t1 - t0) / 1e9),
          messages / ((t2 - t1) / 1e9), messages / ((t2 - t0) / 1e9), sendLatency, receiveLatency,
          messages - seen.size(), duplicates.get(), serverCpu, clientCpu);
    }
  }
}

package io.thingtank.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Scenarios {@code s3-small} and {@code s3-large}: PUT N objects, then GET them all back (each
 * body compared with what was PUT), with a fixed number of requests in flight, through
 * {@link S3HttpClient}. Requests are issued from the calling thread; latencies (µs) and failures
 * are recorded on the Vert.x event loops.
 */
final class S3Scenario {
  /** Random bodies, the same for every target: {@code bytes[i]} is object i, {@code buffers[i]} the same bytes to send. */
  record Payloads(byte[][] bytes, Buffer[] buffers) {
    static Payloads random(int objects, int size, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      byte[][] bytes = new byte[objects][];
      Buffer[] buffers = new Buffer[objects];
      for (int i = 0; i < objects; i++) {
        bytes[i] = new byte[size];
        random.nextBytes(bytes[i]);
        buffers[i] = Buffer.buffer(bytes[i]);
      }
      return new Payloads(bytes, buffers);
    }

    long size(int i) { return bytes[i].length; }

    /** The first {@code n} bodies (shared, not copied). */
    Payloads first(int n) {
      return new Payloads(java.util.Arrays.copyOf(bytes, n), java.util.Arrays.copyOf(buffers, n));
    }
  }

  /** One phase (all PUTs or all GETs): rate, latency and the CPU both processes spent on it. */
  record Phase(int ops, int failed, String firstError, double seconds, long bytes, Histogram latency,
      long serverCpuMs, long clientCpuMs) {
    double opsPerSec() { return ops / seconds; }
    double mbPerSec() { return bytes / seconds / 1e6; }
  }

  record Result(String target, Phase put, Phase get) {
    boolean clean() { return put.firstError() == null && get.firstError() == null; }
  }

  private S3Scenario() {}

  /** PUT every payload under {@code prefix}, then GET and verify each, into {@code bucket}. */
  static Result run(String target, Peer server, S3HttpClient client, String bucket, String prefix, Payloads p,
      int inFlight, long limitSeconds) throws Exception {
    Phase put = phase(server, p, inFlight, limitSeconds,
        i -> client.put(bucket, key(prefix, i), p.buffers()[i]));
    Phase get = phase(server, p, inFlight, limitSeconds,
        i -> client.get(bucket, key(prefix, i), p.bytes()[i]));
    return new Result(target, put, get);
  }

  private static String key(String prefix, int i) { return prefix + "/" + String.format("%06d", i); }

  private static Phase phase(Peer server, Payloads p, int inFlight, long limitSeconds, IntFunction<Future<Void>> op)
      throws Exception {
    int n = p.bytes().length;
    Histogram latency = new ConcurrentHistogram(3);
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    Semaphore slots = new Semaphore(inFlight);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
    long serverCpu0 = server.cpuMillis();
    long clientCpu0 = Peer.benchCpuMillis();
    long t0 = System.nanoTime();
    int issued = 0;
    long bytes = 0;
    for (; issued < n; issued++) {
      if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) break;
      long start = System.nanoTime();
      bytes += p.size(issued);
      op.apply(issued).onComplete(ar -> {
        latency.recordValue((System.nanoTime() - start) / 1000);
        if (ar.failed()) {
          failed.incrementAndGet();
          firstError.compareAndSet(null, String.valueOf(ar.cause()));
        }
        completed.incrementAndGet();
        slots.release();
      });
    }
    boolean drained = slots.tryAcquire(inFlight, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    long t1 = System.nanoTime();
    if (!drained || issued < n) {
      failed.addAndGet(n - completed.get());
      firstError.compareAndSet(null, "time limit of " + limitSeconds + " s reached with " + (issued - completed.get())
          + " requests unanswered");
    } else {
      slots.release(inFlight);
    }
    return new Phase(n, failed.get(), firstError.get(), (t1 - t0) / 1e9, bytes, latency,
        server.cpuMillis() - serverCpu0, Peer.benchCpuMillis() - clientCpu0);
  }
}

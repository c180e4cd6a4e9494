package io.thingtank.bench;

import io.vertx.core.buffer.Buffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Scenarios {@code s3-small} and {@code s3-large}: PUT N objects, then GET them all back (each
 * body compared with what was PUT), with a fixed number of requests in flight, through
 * {@link S3HttpClient}. Each of {@code inFlight} request threads (the caller's pool) takes the
 * next object and does its request, blocking, until none is left: as many requests in flight as
 * threads, and no hand-off between threads per request. Each thread records latencies (µs) in its
 * own histogram, merged when the phase ends.
 */
final class S3Scenario {
  /**
   * Random bodies, the same for every target: {@code bytes[i]} is object i, {@code buffers[i]} the
   * same bytes for Vert.x, {@code etags[i]} their MD5 in hex (the ETag a PUT must answer).
   */
  record Payloads(byte[][] bytes, Buffer[] buffers, String[] etags) {
    static Payloads random(int objects, int size, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      byte[][] bytes = new byte[objects][];
      Buffer[] buffers = new Buffer[objects];
      String[] etags = new String[objects];
      MessageDigest md5;
      try {
        md5 = MessageDigest.getInstance("MD5");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      for (int i = 0; i < objects; i++) {
        bytes[i] = new byte[size];
        random.nextBytes(bytes[i]);
        buffers[i] = Buffer.buffer(bytes[i]);
        etags[i] = HexFormat.of().formatHex(md5.digest(bytes[i]));
      }
      return new Payloads(bytes, buffers, etags);
    }

    long size(int i) { return bytes[i].length; }

    /** The first {@code n} bodies (shared, not copied). */
    Payloads first(int n) {
      return new Payloads(java.util.Arrays.copyOf(bytes, n), java.util.Arrays.copyOf(buffers, n),
          java.util.Arrays.copyOf(etags, n));
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

  /** One request for object {@code i}, blocking; throws when the answer is wrong. */
  private interface Op {
    void run(int i) throws Exception;
  }

  private S3Scenario() {}

  /** PUT every payload under {@code prefix}, then GET and verify each, into {@code bucket}, on {@code threads}. */
  static Result run(String target, Peer server, S3HttpClient client, String bucket, String prefix, Payloads p,
      ExecutorService threads, int inFlight, long limitSeconds) throws Exception {
    Phase put = phase(server, p, threads, inFlight, limitSeconds, i -> client.put(bucket, key(prefix, i), p, i),
        client::abort);
    Phase get = phase(server, p, threads, inFlight, limitSeconds, i -> client.get(bucket, key(prefix, i), p.bytes()[i]),
        client::abort);
    return new Result(target, put, get);
  }

  /** {@code prefix/000042}: the object number zero-padded to six digits. */
  private static String key(String prefix, int i) {
    String n = Integer.toString(i);
    return prefix + "/" + "000000".substring(Math.min(6, n.length())) + n;
  }

  /** Runs op 0..n-1 on {@code inFlight} threads; {@code abort} fails requests still blocked past the time limit. */
  private static Phase phase(Peer server, Payloads p, ExecutorService threads, int inFlight, long limitSeconds, Op op,
      Runnable abort) throws Exception {
    int n = p.bytes().length;
    Histogram latency = new Histogram(3);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    CountDownLatch finished = new CountDownLatch(inFlight);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
    long serverCpu0 = server.cpuMillis();
    long clientCpu0 = Peer.benchCpuMillis();
    long t0 = System.nanoTime();
    for (int t = 0; t < inFlight; t++) {
      threads.execute(() -> {
        Histogram mine = new Histogram(3);
        try {
          for (int i; System.nanoTime() < deadline && (i = next.getAndIncrement()) < n; ) {
            long start = System.nanoTime();
            try {
              op.run(i);
            } catch (Exception e) {
              failed.incrementAndGet();
              firstError.compareAndSet(null, String.valueOf(e));
            }
            mine.recordValue((System.nanoTime() - start) / 1000);
            completed.incrementAndGet();
          }
        } finally {
          synchronized (latency) {
            latency.add(mine);
          }
          finished.countDown();
        }
      });
    }
    boolean drained = finished.await(Math.max(0, deadline - System.nanoTime())
        + TimeUnit.MILLISECONDS.toNanos(S3HttpClient.IDLE_TIMEOUT_MS), TimeUnit.NANOSECONDS);
    long t1 = System.nanoTime();
    if (!drained) {
      abort.run(); // requests still blocked fail now
      finished.await(10, TimeUnit.SECONDS);
    }
    int done = completed.get();
    if (!drained || done < n) {
      failed.addAndGet(n - done);
      firstError.compareAndSet(null, "time limit of " + limitSeconds + " s reached with " + (n - done)
          + " requests not done");
    }
    long bytes = 0;
    for (int i = 0; i < Math.min(n, next.get()); i++) bytes += p.size(i);
    return new Phase(n, failed.get(), firstError.get(), (t1 - t0) / 1e9, bytes, latency,
        server.cpuMillis() - serverCpu0, Peer.benchCpuMillis() - clientCpu0);
  }
}

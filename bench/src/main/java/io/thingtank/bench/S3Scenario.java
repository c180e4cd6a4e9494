package io.thingtank.bench;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32C;
import org.HdrHistogram.Histogram;

/**
 * Scenarios {@code s3-small} and {@code s3-large}: PUT N objects, then GET them all back (each
 * body compared with what was PUT), with a fixed number of requests in flight, through
 * {@link S3RawClient}. Each of {@code inFlight} request threads (the caller's pool) takes the
 * next object and does its request, blocking, until none is left: as many requests in flight as
 * threads, and no hand-off between threads per request. Each thread records latencies (µs) in its
 * own histogram, merged when the phase ends.
 */
final class S3Scenario {
  /**
   * Random bodies, the same for every target: {@code bytes[i]} is object i, {@code etags[i]} its MD5
   * in hex (the ETag a PUT must answer), {@code crc32c[i]} its CRC32C (what a large GET is checked
   * against); {@code direct[i]} the same bytes in a direct buffer when the body is large (sent from
   * there without a copy to native memory per request), else null.
   */
  record Payloads(byte[][] bytes, ByteBuffer[] direct, String[] etags, int[] crc32c) {
    /** Bodies from this size on are sent from direct buffers and checked by CRC32C on GET. */
    static final int LARGE = 1 << 20;

    static Payloads random(int objects, int size, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      byte[][] bytes = new byte[objects][];
      ByteBuffer[] direct = new ByteBuffer[objects];
      String[] etags = new String[objects];
      int[] crc32c = new int[objects];
      MessageDigest md5;
      try {
        md5 = MessageDigest.getInstance("MD5");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      for (int i = 0; i < objects; i++) {
        bytes[i] = new byte[size];
        random.nextBytes(bytes[i]);
        if (size >= LARGE) direct[i] = ByteBuffer.allocateDirect(size).put(bytes[i]).flip().asReadOnlyBuffer();
        etags[i] = HexFormat.of().formatHex(md5.digest(bytes[i]));
        CRC32C crc = new CRC32C();
        crc.update(bytes[i]);
        crc32c[i] = (int) crc.getValue();
      }
      return new Payloads(bytes, direct, etags, crc32c);
    }

    long size(int i) { return bytes[i].length; }

    /** Body {@code i} to send (a view; not consumed by sending). */
    ByteBuffer body(int i) { return direct[i] != null ? direct[i].duplicate() : ByteBuffer.wrap(bytes[i]); }

    /** The first {@code n} bodies (shared, not copied). */
    Payloads first(int n) {
      return new Payloads(Arrays.copyOf(bytes, n), Arrays.copyOf(direct, n), Arrays.copyOf(etags, n), Arrays.copyOf(crc32c, n));
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
  static Result run(String target, Peer server, S3RawClient client, String bucket, String prefix, Payloads p,
      ExecutorService threads, int inFlight, long limitSeconds) throws Exception {
    Phase put = phase(server, p, threads, inFlight, limitSeconds, i -> client.put(bucket, key(prefix, i), p, i),
        client::abort);
    Phase get = phase(server, p, threads, inFlight, limitSeconds, i -> client.get(bucket, key(prefix, i), p, i),
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
        + TimeUnit.MILLISECONDS.toNanos(S3RawClient.IDLE_TIMEOUT_MS), TimeUnit.NANOSECONDS);
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

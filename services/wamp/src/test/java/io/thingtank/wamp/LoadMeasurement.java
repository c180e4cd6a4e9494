package io.thingtank.wamp;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A rough load measurement (not a test; timings are printed, never asserted): the bench
 * scenarios {@code wamp-pubsub} (1 publisher, 10 subscribers, 100,000 events of ~100 bytes)
 * and {@code wamp-rpc} (1 callee, 16 callers, 50,000 calls) over RawSocket/MessagePack on
 * loopback, client and router in one JVM. Run with the test classpath:
 * {@code java -cp ... io.thingtank.wamp.LoadMeasurement}.
 */
public final class LoadMeasurement {
  public static void main(String[] args) throws Exception {
    try (TestRouter r = new TestRouter(Files.createTempDirectory("wamp-load"), true, null)) {
      int port = r.wamp.rawSocketPort();
      pubsub(port, 10, 100_000);
      rpc(port, 16, 50_000);
    }
  }

  static void pubsub(int port, int subscribers, int events) throws Exception {
    String payload = "x".repeat(90);
    List<RawSocketClient> subs = new ArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      RawSocketClient s = new RawSocketClient(port);
      s.send(List.of(32L, 1L, Map.of(), "bench.topic"));
      s.flush();
      s.next();
      subs.add(s);
    }
    AtomicLong delivered = new AtomicLong();
    List<Thread> readers = new ArrayList<>();
    for (RawSocketClient s : subs) {
      Thread t = new Thread(() -> {
        try {
          for (int i = 0; i < events; i++) {
            s.next();
            delivered.incrementAndGet();
          }
        } catch (Exception e) {
          System.err.println("subscriber failed: " + e);
        }
      });
      t.start();
      readers.add(t);
    }
    long start = System.nanoTime();
    try (RawSocketClient pub = new RawSocketClient(port)) {
      for (int i = 0; i < events; i++) {
        pub.send(List.of(16L, (long) i + 1, Map.of(), "bench.topic", List.of(payload, (long) i)));
        if (i % 64 == 0) pub.flush();
      }
      pub.flush();
      for (Thread t : readers) t.join(120_000);
    }
    double secs = (System.nanoTime() - start) / 1e9;
    System.out.printf("wamp-pubsub: %d events to %d subscribers, %d delivered in %.2f s = %.0f deliveries/s%n",
        events, subscribers, delivered.get(), secs, delivered.get() / secs);
    for (RawSocketClient s : subs) s.close();
  }

  static void rpc(int port, int callers, int calls) throws Exception {
    RawSocketClient callee = new RawSocketClient(port);
    callee.send(List.of(64L, 1L, Map.of(), "bench.echo"));
    callee.flush();
    callee.next();
    Thread serve = new Thread(() -> {
      try {
        while (true) {
          List<Object> inv = callee.next();
          callee.send(List.of(70L, inv.get(1), Map.of(), inv.size() > 4 ? inv.get(4) : List.of()));
          callee.flush();
        }
      } catch (Exception closed) {
        // the measurement is over
      }
    });
    serve.setDaemon(true);
    serve.start();
    int perCaller = calls / callers;
    long[] latencies = new long[perCaller * callers];
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < callers; c++) {
      int base = c * perCaller;
      Thread t = new Thread(() -> {
        try (RawSocketClient caller = new RawSocketClient(port)) {
          for (int i = 0; i < perCaller; i++) {
            long t0 = System.nanoTime();
            caller.send(List.of(48L, (long) i + 1, Map.of(), "bench.echo", List.of((long) i)));
            caller.flush();
            caller.next();
            latencies[base + i] = System.nanoTime() - t0;
          }
        } catch (Exception e) {
          System.err.println("caller failed: " + e);
        }
      });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) t.join(120_000);
    double secs = (System.nanoTime() - start) / 1e9;
    Arrays.sort(latencies);
    System.out.printf("wamp-rpc: %d calls by %d callers in %.2f s = %.0f calls/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        latencies.length, callers, secs, latencies.length / secs, latencies[latencies.length / 2] / 1e6,
        latencies[(int) (latencies.length * 0.99)] / 1e6, latencies[latencies.length - 1] / 1e6);
    callee.close();
  }
}

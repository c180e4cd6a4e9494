package io.thingtank.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Scenarios {@code wamp-pubsub} and {@code wamp-rpc} with {@link WampClient}, against any router
 * at {@code ws://127.0.0.1:port/path}. Latency is measured with {@code System.nanoTime()} carried
 * in the payload (publisher and subscribers share the bench JVM). Every loop stops at its count
 * or its time limit, whichever comes first. Runs on the bench's main thread.
 */
final class WampScenario {
  /** Publications not yet delivered to every subscriber, at most (the publisher waits beyond). */
  static final int WINDOW = 200;
  /** Deliveries on their way, at most: fan-out to many subscribers gets a smaller publication window. */
  static final int DELIVERY_WINDOW = 2000;

  /** Messages a sender may have on their way to {@code fanout} receivers each (also used by the devices scenario). */
  static int window(int fanout) {
    return Math.min(WINDOW, Math.max(1, DELIVERY_WINDOW / fanout));
  }

  record Target(String name, int port, String path, String realm) {}

  record PubSubResult(String target, int subscribers, int idle, long published, long delivered, double seconds,
      Histogram latency) {
    double perSec() { return delivered / seconds; }
  }

  record RpcResult(String target, int callers, long calls, long answered, double seconds, Histogram latency) {
    double perSec() { return answered / seconds; }
  }

  private WampScenario() {}

  /** The args list of a publication or call: [sentNanos, padding], about {@code bytes} long in JSON. */
  static String args(long sentNanos, int bytes) {
    String head = "[" + sentNanos + ",\"";
    return head + "x".repeat(Math.max(0, bytes - head.length() - 2)) + "\"]";
  }

  /** The first argument of an EVENT carrying {@link #args}: the number just before the padding. */
  static long sentNanos(Buffer event) {
    int pad = event.length() - 1;
    while (pad > 0 && event.getByte(pad) != 'x') pad--;
    while (pad > 0 && event.getByte(pad) != ',') pad--;
    int start = pad;
    while (start > 0 && Character.isDigit(event.getByte(start - 1))) start--;
    long n = 0;
    for (int i = start; i < pad; i++) n = n * 10 + (event.getByte(i) - '0');
    return n;
  }

  /**
   * 1 publisher, {@code subscribers} subscribers on one topic, {@code events} publications of
   * about {@code bytes}, while {@code idle} more sessions sit joined and silent.
   */
  static PubSubResult pubsub(WebSocketClient client, Target t, int subscribers, int events, int bytes, int idle,
      long limitSeconds) throws Exception {
    List<WampClient> idlers = Connections.open(idle, 200, 120, i -> WampClient.connect(client, t.port(), t.path(), t.realm()));
    List<WampClient> subs = Connections.open(subscribers, 50, 60, i -> WampClient.connect(client, t.port(), t.path(), t.realm()));
    WampClient pub = WampClient.connect(client, t.port(), t.path(), t.realm()).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    try {
      String topic = "bench.pubsub." + System.nanoTime();
      AtomicLong delivered = new AtomicLong();
      AtomicLong lastDelivery = new AtomicLong();
      List<Histogram> hs = new ArrayList<>();
      List<CompletableFuture<Long>> subscribed = new ArrayList<>();
      for (WampClient s : subs) {
        Histogram h = new Histogram(3);
        hs.add(h);
        subscribed.add(s.subscribe(topic, m -> {
          long now = System.nanoTime();
          h.recordValue(Math.max(0, (now - sentNanos(m)) / 1000));
          delivered.incrementAndGet();
          lastDelivery.set(now);
        }).toCompletionStage().toCompletableFuture());
      }
      CompletableFuture.allOf(subscribed.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      long total = (long) events * subscribers;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
      long t0 = System.nanoTime();
      long published = 0;
      int window = window(subscribers);
      for (; published < events && System.nanoTime() < deadline; published++) {
        while (published - delivered.get() / subscribers >= window && System.nanoTime() < deadline) {
          LockSupport.parkNanos(20_000);
        }
        pub.publish(topic, args(System.nanoTime(), bytes));
      }
      while (delivered.get() < total && System.nanoTime() < deadline) LockSupport.parkNanos(1_000_000);
      long end = delivered.get() < total ? System.nanoTime() : lastDelivery.get();
      Thread.sleep(100);
      Histogram all = new Histogram(3);
      hs.forEach(all::add);
      return new PubSubResult(t.name(), subscribers, idle, published, delivered.get(), (end - t0) / 1e9, all);
    } finally {
      pub.close();
      subs.forEach(WampClient::close);
      idlers.forEach(WampClient::close);
    }
  }

  /**
   * The sessions of an RPC run: 1 callee with its echo procedure registered and {@code callers}
   * calling sessions. Kept open across the warm-up and the measured runs, as a real client keeps
   * its sessions (a fresh set per run measured the first second of new connections).
   */
  record RpcSessions(Target target, WampClient callee, List<WampClient> callers, String procedure)
      implements AutoCloseable {
    static RpcSessions open(WebSocketClient client, Target t, int callers) throws Exception {
      WampClient callee = WampClient.connect(client, t.port(), t.path(), t.realm()).toCompletionStage()
          .toCompletableFuture().get(30, TimeUnit.SECONDS);
      List<WampClient> cs = Connections.open(callers, 50, 60, i -> WampClient.connect(client, t.port(), t.path(), t.realm()));
      String procedure = "bench.echo." + System.nanoTime();
      callee.registerEcho(procedure).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      return new RpcSessions(t, callee, cs, procedure);
    }

    @Override public void close() {
      callee.close();
      callers.forEach(WampClient::close);
    }
  }

  /** Every caller calling in a closed loop, {@code calls} in all. */
  static RpcResult rpcPeak(RpcSessions s, int calls, int bytes, long limitSeconds) {
    return rpc(s, calls, bytes, 0, limitSeconds);
  }

  /** As {@link #rpcPeak} but open loop: calls issued at {@code ratePerSec}, spread over the callers. */
  static RpcResult rpcPaced(RpcSessions s, int calls, int bytes, double ratePerSec, long limitSeconds) {
    return rpc(s, calls, bytes, ratePerSec, limitSeconds);
  }

  private static RpcResult rpc(RpcSessions sessions, int calls, int bytes, double rate, long limitSeconds) {
    List<WampClient> cs = sessions.callers();
    String procedure = sessions.procedure();
    ConcurrentHistogram latency = new ConcurrentHistogram(3);
    AtomicLong answered = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
    long t0 = System.nanoTime();
    if (rate <= 0) {
      AtomicInteger issued = new AtomicInteger();
      for (WampClient c : cs) closedLoop(c, procedure, bytes, calls, deadline, issued, answered, failed, latency);
    } else {
      long period = (long) (1e9 / rate);
      for (int i = 0; i < calls && System.nanoTime() < deadline; i++) {
        long due = t0 + i * period;
        long wait = due - System.nanoTime();
        if (wait > 0) LockSupport.parkNanos(wait);
        long s = System.nanoTime();
        cs.get(i % cs.size()).call(procedure, args(s, bytes)).onComplete(r -> {
          latency.recordValue((System.nanoTime() - s) / 1000);
          (r.succeeded() ? answered : failed).incrementAndGet();
        });
      }
    }
    while (answered.get() + failed.get() < calls && System.nanoTime() < deadline) LockSupport.parkNanos(1_000_000);
    double seconds = (System.nanoTime() - t0) / 1e9;
    String name = sessions.target().name();
    if (failed.get() > 0) System.err.println(name + ": " + failed.get() + " calls failed");
    return new RpcResult(name, cs.size(), calls, answered.get(), seconds, latency);
  }

  private static void closedLoop(WampClient c, String procedure, int bytes, int calls, long deadline,
      AtomicInteger issued, AtomicLong answered, AtomicLong failed, ConcurrentHistogram latency) {
    if (issued.incrementAndGet() > calls || System.nanoTime() > deadline) return;
    long s = System.nanoTime();
    c.call(procedure, args(s, bytes)).onComplete(r -> {
      latency.recordValue((System.nanoTime() - s) / 1000);
      (r.succeeded() ? answered : failed).incrementAndGet();
      closedLoop(c, procedure, bytes, calls, deadline, issued, answered, failed, latency);
    });
  }
}

package io.thingtank.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run.sh s3-small|s3-large}: the machine's ceiling (loopback copy, disk write +
 * fsync), then PUT/GET N objects against ThingTank and against s3proxy 2.9.0 (filesystem backend)
 * with the same {@link S3RawClient}; prints both, the ratio and the share of the ceiling. Main thread.
 */
abstract class S3Command implements Callable<Integer> {
  /** Bytes the warm-up writes under fresh keys before it overwrites its own earlier objects. */
  private static final long WARMUP_FRESH_BYTES = 512L << 20;
  private static final int MAX_WARMUP_PASSES = 1000;
  @CommandLine.ParentCommand BenchMain parent;
  @Option(names = "--objects", description = "Objects PUT then GET in the measured run.") int objects;
  @Option(names = "--size", description = "Bytes per object.") int size;
  @Option(names = "--in-flight", description = "Requests in flight.") int inFlight;
  @Option(names = "--warmup", description = "Objects PUT then GET per warm-up pass (same server, at most --objects).") int warmup;
  @Option(names = "--warmup-seconds", description = "Warm-up passes are repeated until this many seconds have passed, per "
      + "target (the JIT needs tens of seconds of load on 2 cores before the hot code is compiled).")
  long warmupSeconds;
  @Option(names = "--ceiling-mib", defaultValue = "400", description = "MiB written for the disk ceiling (and 3 x 5x that through loopback, best run kept).")
  int ceilingMib;
  @Option(names = "--rounds", defaultValue = "2", description = "Measured runs per target, in alternating order.") int rounds;
  @Option(names = "--keep-work", description = "Keep the servers' data dirs and logs instead of deleting them.")
  boolean keepWork;
  @Option(names = "--limit", defaultValue = "300", description = "Seconds a single phase may take at most.") long limit;

  S3Command(int objects, int size, int inFlight, int warmup, long warmupSeconds) {
    this.objects = objects;
    this.size = size;
    this.inFlight = inFlight;
    this.warmup = warmup;
    this.warmupSeconds = warmupSeconds;
  }

  /** {@code s3-small}: 2,000 x 4 KiB, 16 in flight. */
  @Command(name = "s3-small", description = "PUT then GET 2,000 x 4 KiB objects, 16 in flight, ThingTank vs s3proxy.")
  static final class Small extends S3Command {
    Small() { super(2000, 4096, 16, 2000, 40); }
  }

  /** {@code s3-large}: 50 x 8 MiB, 4 in flight. */
  @Command(name = "s3-large", description = "PUT then GET 50 x 8 MiB objects, 4 in flight, ThingTank vs s3proxy, vs the machine's ceiling.")
  static final class Large extends S3Command {
    Large() { super(50, 8 << 20, 4, 25, 20); }
  }

  @Override public Integer call() throws Exception {
    S3Scenario.Payloads measured = S3Scenario.Payloads.random(objects, size, 1);
    // The warm-up PUTs the first bodies under other keys: no second set of payloads in memory.
    S3Scenario.Payloads warm = measured.first(Math.max(1, Math.min(warmup, objects)));
    // The request threads: each does one request at a time, blocking (see S3Scenario).
    ExecutorService requestThreads = Executors.newFixedThreadPool(inFlight, r -> {
      Thread t = new Thread(r, "s3-request");
      t.setDaemon(true);
      return t;
    });
    List<Run> results = new ArrayList<>();
    MachineCeiling.Rates ceiling;
    try (WorkDir work = new WorkDir("bench-s3", keepWork)) {
      long mib = 1L << 20;
      ceiling = MachineCeiling.measure(work.resolve("ceiling"), 5 * ceilingMib * mib, ceilingMib * mib);
      System.err.printf(Locale.ROOT, "ceiling: loopback %.0f MB/s, disk write+fsync %.0f MB/s, MD5 %.0f MB/s per core%n",
          ceiling.loopbackMBps(), ceiling.diskMBps(), ceiling.md5MBps());
      try (Peer tt = Peer.thingTank(parent.root, work.resolve("thingtank"), Peer.freePort());
          Peer s3proxy = Peer.s3proxy(parent.root, work.resolve("s3proxy"), Peer.freePort(), "benchkey", "benchsecret")) {
        String[] key = BenchMain.rootKey(work.resolve("thingtank"));
        List<Target> targets = List.of(
            new Target("ThingTank", tt, new S3RawClient(tt.endpoint, key[0], key[1])),
            new Target("s3proxy 2.9.0", s3proxy, new S3RawClient(s3proxy.endpoint, "benchkey", "benchsecret")));
        try {
          for (Target t : targets) warmUp(t, warm, requestThreads);
          // Alternate the order round by round: the machine is shared, and neither target should always go first.
          for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < targets.size(); i++) {
              Target t = targets.get(round % 2 == 0 ? i : targets.size() - 1 - i);
              S3Scenario.Result r = S3Scenario.run(t.name(), t.peer(), t.client(), t.bucket(), "round" + round, measured,
                  requestThreads, inFlight, limit);
              System.err.printf(Locale.ROOT, "round %d: %s PUT %.0f ops/s, GET %.0f ops/s%n", round + 1, t.name(),
                  r.put().opsPerSec(), r.get().opsPerSec());
              results.add(new Run(round + 1, r));
            }
          }
        } finally {
          for (Target t : targets) t.client().close();
        }
      }
    } finally {
      requestThreads.shutdownNow();
    }
    print(results, ceiling);
    return results.stream().allMatch(r -> r.result().clean()) ? 0 : 1;
  }

  /** A server under test with its client and the bucket the runs use. */
  private record Target(String name, Peer peer, S3RawClient client, String bucket) {
    Target(String name, Peer peer, S3RawClient client) { this(name, peer, client, "bench-" + System.nanoTime()); }
  }

  /**
   * Repeats PUT-then-GET passes of the warm-up set until {@code --warmup-seconds} have passed (at
   * least one pass). Passes use fresh keys while the bytes written stay under {@link #WARMUP_FRESH_BYTES}
   * (the measured runs PUT new keys too), then overwrite the oldest ones, so disk use stays bounded.
   */
  private void warmUp(Target t, S3Scenario.Payloads warm, ExecutorService requestThreads) throws Exception {
    t.client().createBucket(t.bucket());
    if (warmup == 0) return;
    long passBytes = (long) warm.bytes().length * size;
    long prefixes = Math.max(1, WARMUP_FRESH_BYTES / passBytes);
    long t0 = System.nanoTime();
    int pass = 0;
    do {
      S3Scenario.Result w = S3Scenario.run(t.name(), t.peer(), t.client(), t.bucket(), "warmup" + (pass % prefixes), warm,
          requestThreads, inFlight, limit);
      if (!w.clean()) throw new IllegalStateException(t.name() + " warm-up: " + w.put().firstError() + " / " + w.get().firstError());
      pass++;
    } while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(warmupSeconds) && pass < MAX_WARMUP_PASSES);
    System.err.printf(Locale.ROOT, "%s warmed up: %d passes in %.0f s%n", t.name(), pass, (System.nanoTime() - t0) / 1e9);
  }

  private void print(List<Run> runs, MachineCeiling.Rates ceiling) {
    System.out.printf(Locale.ROOT, "%d objects x %d bytes, %d in flight, warm-up passes of %d for %d s; ceiling: loopback copy %.0f MB/s, "
        + "disk write+fsync %.0f MB/s (MB = 10^6 bytes); a PUT's CPU floor: MD5 %.0f MB/s per core + loopback %.2f ns/B "
        + "= %.2f ns/B, so at most %.0f MB/s on %d cores before any file write (the disk run's writes: %.2f ns/B)%n%n",
        objects, size, inFlight, warmup, warmupSeconds, ceiling.loopbackMBps(), ceiling.diskMBps(), ceiling.md5MBps(),
        ceiling.loopbackCpuNsPerByte(), ceiling.putFloorNsPerByte(), ceiling.putCpuBound(), ceiling.cores(),
        ceiling.fileWriteCpuNsPerByte());
    System.out.println(Report.header("round", "target", "op", "ops/s", "MB/s", "p50 ms", "p99 ms", "max ms", "failed",
        "server CPU ms/op", "client CPU ms/op"));
    for (Run run : runs) {
      S3Scenario.Result r = run.result();
      for (S3Scenario.Phase ph : List.of(r.put(), r.get())) {
        System.out.println(Report.row(run.round(), r.target(), ph == r.put() ? "PUT" : "GET", Math.round(ph.opsPerSec()),
            ph.mbPerSec(), Report.ms(ph.latency(), 50), Report.ms(ph.latency(), 99),
            Report.maxMs(ph.latency()), ph.failed(), (double) ph.serverCpuMs() / ph.ops(),
            (double) ph.clientCpuMs() / ph.ops()));
        if (ph.firstError() != null) System.out.println("first error: " + ph.firstError());
      }
    }
    Best tt = best(runs, "ThingTank");
    Best peer = best(runs, "s3proxy 2.9.0");
    System.out.printf("%nbest round each, ThingTank/s3proxy: PUT ops/s %s, GET ops/s %s; server CPU per op PUT %s, GET %s%n",
        Report.ratio(tt.put().opsPerSec(), peer.put().opsPerSec()), Report.ratio(tt.get().opsPerSec(), peer.get().opsPerSec()),
        Report.ratio(tt.put().serverCpuMs(), peer.put().serverCpuMs()),
        Report.ratio(tt.get().serverCpuMs(), peer.get().serverCpuMs()));
    for (Best b : List.of(tt, peer)) {
      System.out.printf(Locale.ROOT, "%s best share of the ceiling: PUT %.0f%% of min(loopback, disk) = %.0f MB/s "
          + "(%.0f%% of the CPU bound), GET %.0f%% of loopback%n", b.target(), 100 * b.put().mbPerSec() / ceiling.putCeiling(),
          ceiling.putCeiling(), 100 * b.put().mbPerSec() / ceiling.putCpuBound(), 100 * b.get().mbPerSec() / ceiling.loopbackMBps());
    }
  }

  /** One measured run of one target. */
  private record Run(int round, S3Scenario.Result result) {}

  /** A target's fastest PUT phase and fastest GET phase over the rounds. */
  private record Best(String target, S3Scenario.Phase put, S3Scenario.Phase get) {}

  private static Best best(List<Run> runs, String target) {
    Comparator<S3Scenario.Phase> rate = Comparator.comparingDouble(S3Scenario.Phase::opsPerSec);
    List<S3Scenario.Result> mine = runs.stream().map(Run::result).filter(r -> r.target().equals(target)).toList();
    return new Best(target, mine.stream().map(S3Scenario.Result::put).max(rate).orElseThrow(),
        mine.stream().map(S3Scenario.Result::get).max(rate).orElseThrow());
  }
}

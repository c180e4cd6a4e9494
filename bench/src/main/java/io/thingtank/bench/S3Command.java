package io.thingtank.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run.sh s3-small|s3-large}: the machine's ceiling (loopback copy, disk write +
 * fsync), then PUT/GET N objects against ThingTank and against s3proxy 2.9.0 (filesystem backend)
 * with the same {@link S3HttpClient}; prints both, the ratio and the share of the ceiling. Main thread.
 */
abstract class S3Command implements Callable<Integer> {
  @CommandLine.ParentCommand BenchMain parent;
  @Option(names = "--objects", description = "Objects PUT then GET in the measured run.") int objects;
  @Option(names = "--size", description = "Bytes per object.") int size;
  @Option(names = "--in-flight", description = "Requests in flight.") int inFlight;
  @Option(names = "--warmup", description = "Objects PUT then GET before the measured run (same server).") int warmup;
  @Option(names = "--ceiling-mib", defaultValue = "400", description = "MiB written for the disk (and 5x for the loopback) ceiling.")
  int ceilingMib;
  @Option(names = "--keep-work", description = "Keep the servers' data dirs and logs instead of deleting them.")
  boolean keepWork;
  @Option(names = "--limit", defaultValue = "300", description = "Seconds a single phase may take at most.") long limit;

  S3Command(int objects, int size, int inFlight, int warmup) {
    this.objects = objects;
    this.size = size;
    this.inFlight = inFlight;
    this.warmup = warmup;
  }

  /** {@code s3-small}: 2,000 x 4 KiB, 16 in flight. */
  @Command(name = "s3-small", description = "PUT then GET 2,000 x 4 KiB objects, 16 in flight, ThingTank vs s3proxy.")
  static final class Small extends S3Command {
    Small() { super(2000, 4096, 16, 2000); }
  }

  /** {@code s3-large}: 50 x 8 MiB, 4 in flight. */
  @Command(name = "s3-large", description = "PUT then GET 50 x 8 MiB objects, 4 in flight, ThingTank vs s3proxy, vs the machine's ceiling.")
  static final class Large extends S3Command {
    Large() { super(50, 8 << 20, 4, 10); }
  }

  @Override public Integer call() throws Exception {
    S3Scenario.Payloads measured = S3Scenario.Payloads.random(objects, size, 1);
    S3Scenario.Payloads warm = S3Scenario.Payloads.random(Math.max(1, warmup), size, 2);
    Vertx vertx = Vertx.vertx();
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false),
        new PoolOptions().setHttp1MaxSize(inFlight).setMaxWaitQueueSize(-1));
    List<S3Scenario.Result> results = new ArrayList<>();
    MachineCeiling.Rates ceiling;
    try (WorkDir work = new WorkDir("bench-s3", keepWork)) {
      long mib = 1L << 20;
      ceiling = MachineCeiling.measure(work.resolve("ceiling"), 5 * ceilingMib * mib, ceilingMib * mib);
      System.err.printf(Locale.ROOT, "ceiling: loopback %.0f MB/s, disk write+fsync %.0f MB/s%n",
          ceiling.loopbackMBps(), ceiling.diskMBps());
      try (Peer p = Peer.thingTank(parent.root, work.resolve("thingtank"), Peer.freePort())) {
        String[] key = BenchMain.rootKey(work.resolve("thingtank"));
        results.add(run("ThingTank", p, new S3HttpClient(http, p.endpoint, key[0], key[1]), warm, measured));
      }
      try (Peer p = Peer.s3proxy(parent.root, work.resolve("s3proxy"), Peer.freePort(), "benchkey", "benchsecret")) {
        results.add(run("s3proxy 2.9.0", p, new S3HttpClient(http, p.endpoint, "benchkey", "benchsecret"), warm, measured));
      }
    } finally {
      http.close();
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    print(results, ceiling);
    return results.stream().allMatch(S3Scenario.Result::clean) ? 0 : 1;
  }

  private S3Scenario.Result run(String target, Peer p, S3HttpClient client, S3Scenario.Payloads warm,
      S3Scenario.Payloads measured) throws Exception {
    String bucket = "bench-" + System.currentTimeMillis();
    client.createBucket(bucket).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    if (warmup > 0) {
      S3Scenario.Result w = S3Scenario.run(target, p, client, bucket, "warmup", warm, inFlight, limit);
      if (!w.clean()) System.err.println(target + " warm-up: " + w.put().firstError() + " / " + w.get().firstError());
    }
    S3Scenario.Result r = S3Scenario.run(target, p, client, bucket, "measured", measured, inFlight, limit);
    System.err.printf(Locale.ROOT, "done: %s PUT %.0f ops/s, GET %.0f ops/s%n", target, r.put().opsPerSec(), r.get().opsPerSec());
    return r;
  }

  private void print(List<S3Scenario.Result> results, MachineCeiling.Rates ceiling) {
    System.out.printf(Locale.ROOT, "%d objects x %d bytes, %d in flight, warm-up %d; ceiling: loopback copy %.0f MB/s, "
        + "disk write+fsync %.0f MB/s (MB = 10^6 bytes)%n%n", objects, size, inFlight, warmup,
        ceiling.loopbackMBps(), ceiling.diskMBps());
    System.out.println(Report.header("target", "op", "ops/s", "MB/s", "p50 ms", "p99 ms", "max ms", "failed",
        "server CPU ms/op", "client CPU ms/op"));
    for (S3Scenario.Result r : results) {
      for (S3Scenario.Phase ph : List.of(r.put(), r.get())) {
        System.out.println(Report.row(r.target(), ph == r.put() ? "PUT" : "GET", Math.round(ph.opsPerSec()),
            ph.mbPerSec(), Report.ms(ph.latency(), 50), Report.ms(ph.latency(), 99),
            Report.maxMs(ph.latency()), ph.failed(), (double) ph.serverCpuMs() / ph.ops(),
            (double) ph.clientCpuMs() / ph.ops()));
        if (ph.firstError() != null) System.out.println("first error: " + ph.firstError());
      }
    }
    S3Scenario.Result tt = results.get(0);
    if (results.size() == 2) {
      S3Scenario.Result peer = results.get(1);
      System.out.printf("%nratio ThingTank/s3proxy: PUT ops/s %s, GET ops/s %s, PUT p99 %s, GET p99 %s%n",
          Report.ratio(tt.put().opsPerSec(), peer.put().opsPerSec()),
          Report.ratio(tt.get().opsPerSec(), peer.get().opsPerSec()),
          Report.ratio(Report.ms(tt.put().latency(), 99), Report.ms(peer.put().latency(), 99)),
          Report.ratio(Report.ms(tt.get().latency(), 99), Report.ms(peer.get().latency(), 99)));
    }
    for (S3Scenario.Result r : results) {
      System.out.printf(Locale.ROOT, "%s share of the ceiling: PUT %.0f%% of min(loopback, disk) = %.0f MB/s, "
          + "GET %.0f%% of loopback%n", r.target(), 100 * r.put().mbPerSec() / ceiling.putCeiling(),
          ceiling.putCeiling(), 100 * r.get().mbPerSec() / ceiling.loopbackMBps());
    }
  }
}

package io.thingtank.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench/run.sh wamp-rpc}: 1 callee, N concurrent callers at peak and at half of peak, ThingTank vs fox-wamp. */
@Command(name = "wamp-rpc", description = "WAMP RPC calls/s and latency at peak and at half of peak, ThingTank vs fox-wamp.")
final class WampRpcCommand implements Callable<Integer> {
  @CommandLine.ParentCommand BenchMain parent;
  @Option(names = "--calls", defaultValue = "50000", description = "Calls in the peak run.") int calls;
  @Option(names = "--callers", defaultValue = "16") int callers;
  @Option(names = "--bytes", defaultValue = "100") int bytes;
  @Option(names = "--warmup", defaultValue = "150000", description = "Warm-up calls at peak per round, then a quarter as many at half of that.") int warmup;
  @Option(names = "--warmup-seconds", defaultValue = "30", description = "Warm-up rounds go on until this long has passed (on 2 cores the JIT needs 20-40 s of load to reach steady state; 150,000 calls take ThingTank 3-4 s).") long warmupSeconds;
  @Option(names = "--half-calls", defaultValue = "20000", description = "Calls in the half-of-peak run.") int halfCalls;
  @Option(names = "--keep-work", description = "Keep the servers' data dirs and logs instead of deleting them.")
  boolean keepWork;
  @Option(names = "--limit", defaultValue = "120", description = "Seconds a single run may take at most.") long limit;
  @Option(names = "--rounds", defaultValue = "1", description = "Measured runs per target on the same sessions, alternating which target goes first (as s3-small); the ratio compares each target's best round.")
  int rounds;
  @Option(names = "--client-loops", defaultValue = "1", description = "Event loops of the bench client (all its WebSockets share them).")
  int clientLoops;

  private record Pair(int round, WampScenario.RpcResult peak, WampScenario.RpcResult half, long peakServerCpuMillis,
      long peakClientCpuMillis) {}

  @Override public Integer call() throws Exception {
    Vertx vertx = Connections.clientVertx(clientLoops);
    WebSocketClient client = Connections.webSocketClient(vertx);
    List<Pair> results = new ArrayList<>();
    // Both routers up at once, both warmed up before either is measured: the bench client's own JIT
    // warm-up then weighs on neither target's figures.
    try (WorkDir work = new WorkDir("bench-wamp-rpc", keepWork);
         Peer tt = Peer.thingTank(parent.root, work.resolve("thingtank"), Peer.freePort(), List.of("--dev"));
         Peer fox = Peer.foxWamp(parent.root, work.resolve("fox-wamp"), Peer.freePort())) {
      WampScenario.Target ttTarget = new WampScenario.Target("ThingTank", tt.ports.get("web-port"), "/ws", "realm1");
      WampScenario.Target foxTarget = new WampScenario.Target("fox-wamp 0.7.28", fox.ports.get("web-port"), "/ws", "realm1");
      try (WampScenario.RpcSessions ttSessions = WampScenario.RpcSessions.open(client, ttTarget, callers);
           WampScenario.RpcSessions foxSessions = WampScenario.RpcSessions.open(client, foxTarget, callers)) {
        warmUp(ttSessions);
        warmUp(foxSessions);
        for (int round = 1; round <= rounds; round++) {
          boolean ttFirst = round % 2 == 1;
          results.add(ttFirst ? run(round, tt, ttSessions) : run(round, fox, foxSessions));
          results.add(ttFirst ? run(round, fox, foxSessions) : run(round, tt, ttSessions));
        }
      }
    } finally {
      client.close();
      vertx.close();
    }
    System.out.println(Report.header("round", "target", "load", "callers", "calls", "answered", "calls/s", "p50 ms", "p99 ms", "max ms",
        "server CPU µs/call", "client CPU µs/call"));
    for (Pair pr : results) {
      for (WampScenario.RpcResult r : List.of(pr.peak(), pr.half())) {
        System.out.println(Report.row(pr.round(), r.target(), r == pr.peak() ? "peak (closed loop)" : "half of peak (paced)",
            r.callers(), r.calls(), r.answered(), Math.round(r.perSec()), Report.ms(r.latency(), 50),
            Report.ms(r.latency(), 99), Report.maxMs(r.latency()),
            r == pr.peak() ? String.format("%.1f", pr.peakServerCpuMillis() * 1000.0 / Math.max(1, r.answered())) : "-",
            r == pr.peak() ? String.format("%.1f", pr.peakClientCpuMillis() * 1000.0 / Math.max(1, r.answered())) : "-"));
      }
    }
    Pair ttBest = best(results, "ThingTank"), foxBest = best(results, "fox-wamp 0.7.28");
    System.out.printf("%nratio ThingTank/fox-wamp, best round each: peak calls/s %s, peak p99 %s, half-load p99 %s%n",
        Report.ratio(ttBest.peak().perSec(), foxBest.peak().perSec()),
        Report.ratio(Report.ms(ttBest.peak().latency(), 99), Report.ms(foxBest.peak().latency(), 99)),
        Report.ratio(Report.ms(ttBest.half().latency(), 99), Report.ms(foxBest.half().latency(), 99)));
    return results.stream().allMatch(pr -> pr.peak().answered() == pr.peak().calls()) ? 0 : 1;
  }

  /** The target's round with the most calls/s at peak (its half-load run is the one paced from that peak). */
  private static Pair best(List<Pair> results, String target) {
    return results.stream().filter(p -> p.peak().target().equals(target))
        .max(java.util.Comparator.comparingDouble(p -> p.peak().perSec())).orElseThrow();
  }

  /**
   * Both shapes the measurement uses, in rounds until {@code --warmup-seconds} have passed: closed
   * loop at peak, then open loop at half of that peak (calls written from the bench's main thread
   * take other code paths in client and router; left cold they were compiled during the measured
   * half-load run and its p99 measured the JIT).
   */
  private void warmUp(WampScenario.RpcSessions sessions) {
    long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(warmupSeconds);
    do {
      WampScenario.RpcResult peak = WampScenario.rpcPeak(sessions, warmup, bytes, limit);
      System.err.printf("warm-up %s: %d calls/s%n", sessions.target().name(), Math.round(peak.perSec()));
      WampScenario.rpcPaced(sessions, Math.max(1, warmup / 4), bytes, peak.perSec() / 2, limit);
    } while (System.nanoTime() < until);
  }

  private Pair run(int round, Peer server, WampScenario.RpcSessions sessions) throws java.io.IOException {
    long cpu = server.cpuMillis(), clientCpu = Peer.benchCpuMillis();
    WampScenario.RpcResult peak = WampScenario.rpcPeak(sessions, calls, bytes, limit);
    long peakCpu = server.cpuMillis() - cpu, peakClientCpu = Peer.benchCpuMillis() - clientCpu;
    System.err.println("done: " + peak.target() + " peak, " + Math.round(peak.perSec()) + " calls/s");
    WampScenario.RpcResult half = WampScenario.rpcPaced(sessions, halfCalls, bytes, peak.perSec() / 2, limit);
    return new Pair(round, peak, half, peakCpu, peakClientCpu);
  }
}

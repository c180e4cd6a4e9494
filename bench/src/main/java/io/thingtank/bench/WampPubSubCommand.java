package io.thingtank.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench/run.sh wamp-pubsub}: 1 publisher, N subscribers, ThingTank vs fox-wamp, plus the idle-sessions curve. */
@Command(name = "wamp-pubsub", description = "WAMP publish/subscribe fan-out, ThingTank vs fox-wamp, and throughput vs idle sessions.")
final class WampPubSubCommand implements Callable<Integer> {
  @CommandLine.ParentCommand BenchMain parent;
  @Option(names = "--events", defaultValue = "100000", description = "Publications in the main run.") int events;
  @Option(names = "--subscribers", defaultValue = "10") int subscribers;
  @Option(names = "--bytes", defaultValue = "100", description = "Approximate size of the args list in JSON.") int bytes;
  @Option(names = "--warmup", defaultValue = "150000", description = "Publications per warm-up round.") int warmup;
  @Option(names = "--warmup-seconds", defaultValue = "30", description = "Warm-up rounds go on until this long has passed (on 2 cores the JIT needs 20-40 s of load to reach steady state; 150,000 publications take ThingTank 2-3 s).") long warmupSeconds;
  @Option(names = "--rounds", defaultValue = "1", description = "Main runs per target, alternating which target goes first (as wamp-rpc); the ratio compares each target's best round. The idle-sessions curve runs once, after them.")
  int rounds;
  @Option(names = "--idle-curve", defaultValue = "10,100,1000,10000", split = ",",
      description = "Idle sessions joined during each curve run; empty to skip.") List<Integer> curve;
  @Option(names = "--curve-events", defaultValue = "20000", description = "Publications per curve run.") int curveEvents;
  @Option(names = "--keep-work", description = "Keep the servers' data dirs and logs instead of deleting them.")
  boolean keepWork;
  @Option(names = "--limit", defaultValue = "120", description = "Seconds a single run may take at most.") long limit;
  @Option(names = "--client-loops", defaultValue = "1", description = "Event loops of the bench client (all its WebSockets share them).")
  int clientLoops;

  /** The server process's CPU time during each main run, in the order of {@code main}. */
  private final List<Long> serverCpuMillis = new ArrayList<>();
  /** This bench process's CPU time during each main run. */
  private final List<Long> clientCpuMillis = new ArrayList<>();

  @Override public Integer call() throws Exception {
    Vertx vertx = Connections.clientVertx(clientLoops);
    WebSocketClient client = Connections.webSocketClient(vertx);
    List<WampScenario.PubSubResult> main = new ArrayList<>();
    List<WampScenario.PubSubResult> curveResults = new ArrayList<>();
    // Both routers up at once, both warmed up before either is measured: the bench client's own JIT
    // warm-up then weighs on neither target's figures.
    try (WorkDir work = new WorkDir("bench-wamp-pubsub", keepWork);
         Peer tt = Peer.thingTank(parent.root, work.resolve("thingtank"), Peer.freePort(), List.of("--dev"));
         Peer fox = Peer.foxWamp(parent.root, work.resolve("fox-wamp"), Peer.freePort())) {
      WampScenario.Target ttTarget = new WampScenario.Target("ThingTank", tt.ports.get("web-port"), "/ws", "realm1");
      WampScenario.Target foxTarget = new WampScenario.Target("fox-wamp 0.7.28", fox.ports.get("web-port"), "/ws", "realm1");
      warmUp(client, ttTarget);
      warmUp(client, foxTarget);
      for (int round = 1; round <= rounds; round++) {
        boolean ttFirst = round % 2 == 1;
        mainRun(client, ttFirst ? tt : fox, ttFirst ? ttTarget : foxTarget, main);
        mainRun(client, ttFirst ? fox : tt, ttFirst ? foxTarget : ttTarget, main);
      }
      curve(client, ttTarget, curveResults);
      curve(client, foxTarget, curveResults);
    } finally {
      client.close();
      vertx.close();
    }
    System.out.println(Report.header("round", "target", "subscribers", "published", "delivered", "delivered events/s",
        "p50 ms", "p99 ms", "max ms", "server CPU µs/event",
        "client CPU µs/event"));
    for (int i = 0; i < main.size(); i++) print(i / 2 + 1, main.get(i), serverCpuMillis.get(i), clientCpuMillis.get(i));
    WampScenario.PubSubResult ttBest = best(main, "ThingTank"), foxBest = best(main, "fox-wamp 0.7.28");
    System.out.printf("%nratio ThingTank/fox-wamp, best round each: delivered events/s %s, p99 %s%n",
        Report.ratio(ttBest.perSec(), foxBest.perSec()),
        Report.ratio(Report.ms(ttBest.latency(), 99), Report.ms(foxBest.latency(), 99)));
    if (!curveResults.isEmpty()) {
      System.out.println("\nthroughput vs idle sessions (" + curveEvents + " publications each)\n");
      System.out.println(Report.header("target", "idle sessions", "published", "delivered", "delivered events/s",
          "p50 ms", "p99 ms", "max ms"));
      for (WampScenario.PubSubResult r : curveResults) {
        System.out.println(Report.row(r.target(), r.idle(), r.published(), r.delivered(), Math.round(r.perSec()),
            Report.ms(r.latency(), 50), Report.ms(r.latency(), 99), Report.maxMs(r.latency())));
      }
    }
    return main.stream().allMatch(r -> r.delivered() == r.published() * r.subscribers()) ? 0 : 1;
  }

  /** The target's main run with the most delivered events/s. */
  private static WampScenario.PubSubResult best(List<WampScenario.PubSubResult> main, String target) {
    return main.stream().filter(r -> r.target().equals(target))
        .max(java.util.Comparator.comparingDouble(WampScenario.PubSubResult::perSec)).orElseThrow();
  }

  /** Warm-up runs (fresh sessions each, as the measured runs) until {@code --warmup-seconds} have passed. */
  private void warmUp(WebSocketClient client, WampScenario.Target t) throws Exception {
    long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(warmupSeconds);
    do {
      WampScenario.PubSubResult r = WampScenario.pubsub(client, t, subscribers, warmup, bytes, 0, limit);
      System.err.printf("warm-up %s: %d events/s%n", t.name(), Math.round(r.perSec()));
    } while (System.nanoTime() < until);
  }

  private void mainRun(WebSocketClient client, Peer server, WampScenario.Target t, List<WampScenario.PubSubResult> main)
      throws Exception {
    long cpu = server.cpuMillis(), clientCpu = Peer.benchCpuMillis();
    WampScenario.PubSubResult r = WampScenario.pubsub(client, t, subscribers, events, bytes, 0, limit);
    serverCpuMillis.add(server.cpuMillis() - cpu);
    clientCpuMillis.add(Peer.benchCpuMillis() - clientCpu);
    main.add(r);
    System.err.println("done: " + t.name() + " main run, " + Math.round(r.perSec()) + " events/s");
  }

  private void curve(WebSocketClient client, WampScenario.Target t, List<WampScenario.PubSubResult> curveResults)
      throws Exception {
    for (int idle : curve) {
      WampScenario.PubSubResult c = WampScenario.pubsub(client, t, subscribers, curveEvents, bytes, idle, limit);
      curveResults.add(c);
      System.err.println("done: " + t.name() + " with " + idle + " idle sessions, " + Math.round(c.perSec()) + " events/s");
    }
  }

  private static void print(int round, WampScenario.PubSubResult r, long cpuMillis, long clientMillis) {
    System.out.println(Report.row(round, r.target(), r.subscribers(), r.published(), r.delivered(), Math.round(r.perSec()),
        Report.ms(r.latency(), 50), Report.ms(r.latency(), 99), Report.maxMs(r.latency()),
        Math.round(cpuMillis * 1000.0 / Math.max(1, r.delivered())),
        Math.round(clientMillis * 1000.0 / Math.max(1, r.delivered()))));
  }
}

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
  @Option(names = "--warmup", defaultValue = "150000", description = "Warm-up publications (on 2 cores the JIT needs 20-40 s of load to reach steady state).") int warmup;
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
      WampScenario.pubsub(client, ttTarget, subscribers, warmup, bytes, 0, limit);
      WampScenario.pubsub(client, foxTarget, subscribers, warmup, bytes, 0, limit);
      run(client, tt, ttTarget, main, curveResults);
      run(client, fox, foxTarget, main, curveResults);
    } finally {
      client.close();
      vertx.close();
    }
    System.out.println(Report.header("target", "subscribers", "published", "delivered", "delivered events/s",
        "p50 ms", "p99 ms", "max ms", "server CPU µs/event",
        "client CPU µs/event"));
    for (int i = 0; i < main.size(); i++) print(main.get(i), serverCpuMillis.get(i), clientCpuMillis.get(i));
    if (main.size() == 2) {
      System.out.printf("%nratio ThingTank/fox-wamp: delivered events/s %s, p99 %s%n",
          Report.ratio(main.get(0).perSec(), main.get(1).perSec()),
          Report.ratio(Report.ms(main.get(0).latency(), 99), Report.ms(main.get(1).latency(), 99)));
    }
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

  private void run(WebSocketClient client, Peer server, WampScenario.Target t, List<WampScenario.PubSubResult> main,
      List<WampScenario.PubSubResult> curveResults) throws Exception {
    long cpu = server.cpuMillis(), clientCpu = Peer.benchCpuMillis();
    WampScenario.PubSubResult r = WampScenario.pubsub(client, t, subscribers, events, bytes, 0, limit);
    serverCpuMillis.add(server.cpuMillis() - cpu);
    clientCpuMillis.add(Peer.benchCpuMillis() - clientCpu);
    main.add(r);
    System.err.println("done: " + t.name() + " main run, " + Math.round(r.perSec()) + " events/s");
    for (int idle : curve) {
      WampScenario.PubSubResult c = WampScenario.pubsub(client, t, subscribers, curveEvents, bytes, idle, limit);
      curveResults.add(c);
      System.err.println("done: " + t.name() + " with " + idle + " idle sessions, " + Math.round(c.perSec()) + " events/s");
    }
  }

  private static void print(WampScenario.PubSubResult r, long cpuMillis, long clientMillis) {
    System.out.println(Report.row(r.target(), r.subscribers(), r.published(), r.delivered(), Math.round(r.perSec()),
        Report.ms(r.latency(), 50), Report.ms(r.latency(), 99), Report.maxMs(r.latency()),
        Math.round(cpuMillis * 1000.0 / Math.max(1, r.delivered())),
        Math.round(clientMillis * 1000.0 / Math.max(1, r.delivered()))));
  }
}

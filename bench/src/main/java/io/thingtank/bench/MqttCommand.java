package io.thingtank.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench/run.sh mqtt}: QoS 0/1, 10 -> 10 and 1 -> 100, plus idle connections, ThingTank vs Mosquitto. */
@Command(name = "mqtt", description = "MQTT msg/s and latency at QoS 0 and 1, ThingTank vs Mosquitto, and idle-connection memory.")
final class MqttCommand implements Callable<Integer> {
  /** The Vert.x MQTT client logs every connection at INFO; held here so the level sticks. */
  private static final Logger VERTX_MQTT_LOG = Logger.getLogger("io.vertx.mqtt");

  @CommandLine.ParentCommand BenchMain parent;
  @Option(names = "--messages", defaultValue = "100000", description = "Messages in the 10 -> 10 runs.") int messages;
  @Option(names = "--pairs", defaultValue = "10", description = "Publishers (each with its own subscriber).") int pairs;
  @Option(names = "--fanout", defaultValue = "100", description = "Subscribers in the fan-out run.") int fanout;
  @Option(names = "--fanout-messages", defaultValue = "2000", description = "Publications in the fan-out runs.") int fanoutMessages;
  @Option(names = "--bytes", defaultValue = "100") int bytes;
  @Option(names = "--warmup", defaultValue = "100000", description = "Warm-up messages at QoS 0 and again at QoS 1 (the JIT needs about this many to reach steady state).") int warmup;
  @Option(names = "--idle", defaultValue = "10000", description = "Idle connections for the memory figure; 0 to skip.") int idle;
  @Option(names = "--keep-work", description = "Keep the servers' data dirs and logs instead of deleting them.")
  boolean keepWork;
  @Option(names = "--limit", defaultValue = "120", description = "Seconds a single run may take at most.") long limit;

  /** The server process's CPU time during each measured run, in the order of the results. */
  private final List<Long> serverCpuMillis = new ArrayList<>();

  @Override public Integer call() throws Exception {
    VERTX_MQTT_LOG.setLevel(Level.WARNING);
    Vertx vertx = Vertx.vertx();
    List<MqttScenario.Result> results = new ArrayList<>();
    serverCpuMillis.clear();
    List<IdleFootprint> idleResults = new ArrayList<>();
    try (WorkDir work = new WorkDir("bench-mqtt", keepWork)) {
      try (Peer p = Peer.thingTank(parent.root, work.resolve("thingtank"), Peer.freePort(), List.of("--dev"))) {
        run(vertx, "ThingTank", p, true, results, idleResults);
      }
      try (Peer p = Peer.mosquitto(work.resolve("mosquitto"), Peer.freePort())) {
        run(vertx, "Mosquitto " + mosquittoVersion(), p, false, results, idleResults);
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    System.out.println(Report.header("target", "shape", "QoS", "published", "delivered / expected", "msg/s delivered",
        "p50 ms", "p99 ms", "max ms", "server CPU µs/msg"));
    for (int i = 0; i < results.size(); i++) {
      MqttScenario.Result r = results.get(i);
      System.out.println(Report.row(r.target(), r.shape(), r.qos(), r.published(), r.delivered() + " / " + r.expected(),
          Math.round(r.perSec()), Report.ms(r.latency(), 50), Report.ms(r.latency(), 99), Report.maxMs(r.latency()),
          Math.round(serverCpuMillis.get(i) * 1000.0 / Math.max(1, r.delivered()))));
    }
    int n = results.size() / 2;
    if (n > 0 && results.size() == 2 * n) {
      System.out.println("\nratio ThingTank/Mosquitto:");
      for (int i = 0; i < n; i++) {
        MqttScenario.Result a = results.get(i), b = results.get(n + i);
        System.out.printf("- %s QoS %d: msg/s %s, p99 %s%n", a.shape(), a.qos(), Report.ratio(a.perSec(), b.perSec()),
            Report.ratio(Report.ms(a.latency(), 99), Report.ms(b.latency(), 99)));
      }
    }
    if (!idleResults.isEmpty()) {
      System.out.println("\n" + IdleFootprint.header());
      idleResults.forEach(r -> System.out.println(r.row()));
    }
    return results.stream().allMatch(r -> r.delivered() == r.expected()) ? 0 : 1;
  }

  private void run(Vertx vertx, String target, Peer p, boolean jvm, List<MqttScenario.Result> results,
      List<IdleFootprint> idleResults) throws Exception {
    int port = p.ports.get("mqtt-port");
    for (int qos : new int[] {0, 1}) MqttScenario.run(vertx, "warmup", port, pairs, 1, warmup, qos, bytes, limit);
    for (int qos : new int[] {0, 1}) {
      long cpu = p.cpuMillis();
      results.add(log(MqttScenario.run(vertx, target, port, pairs, 1, messages, qos, bytes, limit)));
      serverCpuMillis.add(p.cpuMillis() - cpu);
    }
    for (int qos : new int[] {0, 1}) {
      long cpu = p.cpuMillis();
      results.add(log(MqttScenario.run(vertx, target, port, 1, fanout, fanoutMessages, qos, bytes, limit)));
      serverCpuMillis.add(p.cpuMillis() - cpu);
    }
    if (idle > 0) {
      List<MqttClient> clients = new ArrayList<>();
      try {
        idleResults.add(IdleFootprint.measure(target, p, jvm, idle, () -> clients.addAll(
            Connections.open(idle, 200, 180, i -> MqttScenario.connect(vertx, port, "idle-" + i)))));
      } finally {
        List<Future<Void>> closing = new ArrayList<>();
        clients.forEach(c -> closing.add(c.disconnect()));
        Future.join(closing).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      }
    }
  }

  private static MqttScenario.Result log(MqttScenario.Result r) {
    System.err.printf("done: %s %s QoS %d: %d msg/s%n", r.target(), r.shape(), r.qos(), Math.round(r.perSec()));
    return r;
  }

  private static String mosquittoVersion() throws Exception {
    Process v = new ProcessBuilder(Peer.mosquittoBinary(), "-h").redirectErrorStream(true).start();
    String first = new String(v.getInputStream().readAllBytes()).lines().findFirst().orElse("");
    v.waitFor();
    return first.replaceAll(".*version ", "").trim();
  }
}

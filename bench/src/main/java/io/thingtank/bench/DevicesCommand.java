package io.thingtank.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run.sh devices}: device-hub delivery over socket.io and HTTP POST /messages to
 * socket.io devices (1 -> 1, 1 -> N), compared with WAMP publish/subscribe of the same shape in the
 * same ThingTank process (there is no runnable SkyNet peer), plus idle-device memory.
 */
@Command(name = "devices", description = "Device hub messages/s and latency vs the WAMP path, and idle-device memory.")
final class DevicesCommand implements Callable<Integer> {
  @CommandLine.ParentCommand BenchMain parent;
  @Option(names = "--devices", defaultValue = "1000", description = "Devices connected over socket.io.") int devices;
  @Option(names = "--messages", defaultValue = "20000", description = "Messages in the 1 -> 1 runs.") int messages;
  @Option(names = "--fanout", defaultValue = "100") int fanout;
  @Option(names = "--fanout-messages", defaultValue = "300", description = "Messages in the 1 -> fanout runs.") int fanoutMessages;
  @Option(names = "--bytes", defaultValue = "100") int bytes;
  @Option(names = "--warmup", defaultValue = "2000", description = "Warm-up messages 1 -> 1 on each path (socket.io, HTTP, WAMP).") int warmup;
  @Option(names = "--idle", defaultValue = "10000", description = "Idle devices for the memory figure; 0 to skip.") int idle;
  @Option(names = "--keep-work", description = "Keep the servers' data dirs and logs instead of deleting them.")
  boolean keepWork;
  @Option(names = "--limit", defaultValue = "120", description = "Seconds a single run may take at most.") long limit;

  private record Row(String path, int fanout, long sent, long expected, long delivered, double perSec,
      org.HdrHistogram.Histogram latency) {}

  @Override public Integer call() throws Exception {
    Vertx vertx = Vertx.vertx();
    WebSocketClient ws = Connections.webSocketClient(vertx);
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(16));
    List<Row> rows = new ArrayList<>();
    IdleFootprint footprint = null;
    try (WorkDir work = new WorkDir("bench-devices", keepWork);
        Peer p = Peer.thingTank(parent.root, work.resolve("thingtank"), Peer.freePort(), List.of("--dev"))) {
      int port = p.ports.get("devices-port");
      List<SocketIoDevice> connected = Connections.open(devices, 50, 120, i -> SocketIoDevice.connect(ws, port));
      System.err.println("connected " + connected.size() + " devices");
      try {
        DevicesScenario.run(http, port, connected, DevicesScenario.Path.SOCKET_IO, 1, warmup, bytes, limit);
        DevicesScenario.run(http, port, connected, DevicesScenario.Path.HTTP, 1, warmup, bytes, limit);
        WampScenario.Target wamp = new WampScenario.Target("ThingTank", p.ports.get("web-port"), "/ws", "realm1");
        WampScenario.pubsub(ws, wamp, 1, warmup, bytes, 0, limit);
        for (int n : new int[] {1, fanout}) {
          int count = n == 1 ? messages : fanoutMessages;
          for (DevicesScenario.Path path : DevicesScenario.Path.values()) {
            DevicesScenario.Result r = DevicesScenario.run(http, port, connected, path, n, count, bytes, limit);
            System.err.printf("done: %s 1 -> %d: %d msg/s%n", r.path(), n, Math.round(r.perSec()));
            rows.add(new Row(r.path(), n, r.sent(), r.expected(), r.delivered(), r.perSec(), r.latency()));
          }
          WampScenario.PubSubResult w = WampScenario.pubsub(ws, wamp, n, count, bytes, 0, limit);
          rows.add(new Row("WAMP publish (same process)", n, w.published(), w.published() * n, w.delivered(), w.perSec(),
              w.latency()));
        }
      } finally {
        connected.forEach(SocketIoDevice::close);
      }
      if (idle > 0) {
        List<SocketIoDevice> idlers = new ArrayList<>();
        try {
          footprint = IdleFootprint.measure("ThingTank", p, true, idle,
              () -> idlers.addAll(Connections.open(idle, 100, 300, i -> SocketIoDevice.connect(ws, port))));
        } finally {
          idlers.forEach(SocketIoDevice::close);
        }
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    System.out.println(Report.header("path (" + devices + " devices connected)", "fan-out", "sent",
        "delivered / expected", "deliveries/s", "p50 ms", "p99 ms", "max ms"));
    for (Row r : rows) {
      System.out.println(Report.row(r.path(), "1 -> " + r.fanout(), r.sent(), r.delivered() + " / " + r.expected(),
          Math.round(r.perSec()), Report.ms(r.latency(), 50), Report.ms(r.latency(), 99), Report.maxMs(r.latency())));
    }
    if (rows.size() == 6) {
      System.out.println("\nratio device hub / WAMP (deliveries/s; p99):");
      for (int i = 0; i < 6; i++) {
        Row r = rows.get(i), w = rows.get(i < 3 ? 2 : 5);
        if (r == w) continue;
        System.out.printf("- %s 1 -> %d: %s; %s%n", r.path(), r.fanout(), Report.ratio(r.perSec(), w.perSec()),
            Report.ratio(Report.ms(r.latency(), 99), Report.ms(w.latency(), 99)));
      }
    }
    if (footprint != null) {
      System.out.println("\n" + IdleFootprint.header() + "\n" + footprint.row());
    }
    return rows.stream().allMatch(r -> r.delivered() == r.expected()) ? 0 : 1;
  }
}

package io.thingtank.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench/run.sh sqs|startup|wamp-pubsub|wamp-rpc|mqtt|devices|s3-small|s3-large}: runs a scenario against ThingTank and its peer in one run, prints ratios. */
@Command(name = "thingtank-bench", mixinStandardHelpOptions = true,
    subcommands = {BenchMain.Sqs.class, BenchMain.Startup.class, WampPubSubCommand.class, WampRpcCommand.class,
        MqttCommand.class, DevicesCommand.class, S3Command.Small.class, S3Command.Large.class})
public final class BenchMain {
  @Option(names = "--root", description = "Repository root.", defaultValue = ".", scope = CommandLine.ScopeType.INHERIT)
  Path root;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  static String[] rootKey(Path dataDir) throws Exception {
    JsonNode n = new ObjectMapper().readTree(Files.readString(dataDir.resolve("credentials.json"))).path("keys").get(0);
    return new String[] {n.path("accessKeyId").asText(), n.path("secretAccessKey").asText()};
  }

  @Command(name = "sqs", description = "Send/receive/delete N messages, ThingTank vs ElasticMQ.")
  static final class Sqs implements Callable<Integer> {
    @CommandLine.ParentCommand BenchMain parent;
    @Option(names = "--messages", defaultValue = "20000") int messages;
    @Option(names = "--in-flight", defaultValue = "16") int inFlight;
    @Option(names = "--warmup", defaultValue = "4000") int warmup;

    @Override public Integer call() throws Exception {
      Path work = Files.createTempDirectory("bench-sqs");
      SqsScenario.Result tt, peer;
      try (Peer p = Peer.thingTank(parent.root, work.resolve("thingtank"), Peer.freePort())) {
        String[] key = rootKey(work.resolve("thingtank"));
        SqsScenario.run("warmup", p, key[0], key[1], warmup, inFlight);
        tt = SqsScenario.run("ThingTank", p, key[0], key[1], messages, inFlight);
      }
      try (Peer p = Peer.elasticMq(parent.root, work.resolve("elasticmq"), Peer.freePort())) {
        SqsScenario.run("warmup", p, "x", "x", warmup, inFlight);
        peer = SqsScenario.run("ElasticMQ 1.6.11", p, "x", "x", messages, inFlight);
      }
      System.out.println("| target | msgs | total msg/s | send msg/s | receive+delete msg/s | send p50/p99 ms | receive p50/p99 ms | lost | dup | server CPU µs/msg | client CPU µs/msg |");
      System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
      for (SqsScenario.Result r : new SqsScenario.Result[] {tt, peer}) {
        System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.2f / %.2f | %.2f / %.2f | %d | %d | %.0f | %.0f |%n",
            r.target(), r.messages(), r.totalPerSec(), r.sendPerSec(), r.receivePerSec(),
            ms(r.send(), 50), ms(r.send(), 99), ms(r.receive(), 50), ms(r.receive(), 99), r.lost(), r.duplicates(),
            r.serverCpuMs() * 1000.0 / r.messages(), r.clientCpuMs() * 1000.0 / r.messages());
      }
      System.out.printf(Locale.ROOT, "%nratio ThingTank/ElasticMQ: total throughput %.2fx, send p99 %.2fx, receive p99 %.2fx%n",
          tt.totalPerSec() / peer.totalPerSec(), ms(tt.send(), 99) / ms(peer.send(), 99),
          ms(tt.receive(), 99) / ms(peer.receive(), 99));
      return tt.lost() == 0 && tt.duplicates() == 0 ? 0 : 1;
    }
  }

  static double ms(org.HdrHistogram.Histogram h, double pct) { return h.getValueAtPercentile(pct) / 1000.0; }

  @Command(name = "startup", description = "Launch-to-answering time and idle resident memory of ThingTank.")
  static final class Startup implements Callable<Integer> {
    @CommandLine.ParentCommand BenchMain parent;
    @Option(names = "--runs", defaultValue = "3") int runs;

    @Override public Integer call() throws Exception {
      for (int i = 0; i < runs; i++) {
        Path work = Files.createTempDirectory("bench-startup");
        try (Peer p = Peer.thingTank(parent.root, work, Peer.freePort())) {
          long started = p.startMillis;
          Thread.sleep(5000);
          System.out.printf("run %d: launch to answering %d ms, idle RSS after 5 s %d MiB%n", i + 1, started, p.residentMiB());
        }
      }
      return 0;
    }
  }
}

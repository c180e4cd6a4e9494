package io.thingtank.server;

import io.thingtank.core.Config;
import io.thingtank.core.Node;
import io.thingtank.core.ThingTankException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code thingtank serve}: starts every service and blocks until SIGTERM/SIGINT. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Start ThingTank with all services. Flags override the config file, which overrides defaults.")
final class ServeCommand implements Callable<Integer> {
  private static volatile boolean serving;

  @Option(names = "--config", description = "JSON config file (top-level settings and per-module sections).")
  Path configFile;
  @Option(names = "--data-dir", description = "Data directory (default: ./data).")
  Path dataDir;
  @Option(names = "--host", description = "Address to bind (default: 0.0.0.0).")
  String host;
  @Option(names = "--aws-port", description = "Port of every AWS API (default: 4566).")
  Integer awsPort;
  @Option(names = "--web-port", description = "WAMP WebSocket, console and REST port (default: 8080).")
  Integer webPort;
  @Option(names = "--devices-port", description = "Device hub port (default: 3000).")
  Integer devicesPort;
  @Option(names = "--mqtt-port", description = "MQTT port (default: 1883).")
  Integer mqttPort;
  @Option(names = "--rawsocket-port", description = "WAMP RawSocket port (default: 8081).")
  Integer rawSocketPort;
  @Option(names = "--coap-port", description = "CoAP UDP port (default: 5683).")
  Integer coapPort;
  @Option(names = "--region", description = "Default AWS region (default: us-east-1).")
  String region;
  @Option(names = "--account-id", description = "Account id of a new data dir (default: random 12 digits).")
  String accountId;
  @Option(names = "--dev", description = "Development mode: any well-formed signature and anonymous clients are accepted. NEVER in production.")
  boolean dev;
  @Option(names = "--fsync", description = "fsync every acknowledged write (survives power loss, slower). kill -9 safety is always on.")
  boolean fsync;

  static boolean serving() { return serving; }

  @Override
  public Integer call() throws Exception {
    Config c;
    try {
      c = configFile != null ? Config.fromFile(configFile) : Config.defaults();
    } catch (java.io.IOException e) {
      System.err.println("thingtank: cannot use config file " + configFile + ": " + e.getMessage());
      return 2;
    }
    if (dataDir != null) c = c.withDataDir(dataDir);
    if (host != null) c = c.withHost(host);
    Config base = c;
    c = c.withPorts(or(awsPort, base.awsPort()), or(webPort, base.webPort()), or(devicesPort, base.devicesPort()),
        or(mqttPort, base.mqttPort()), or(rawSocketPort, base.rawSocketPort()), or(coapPort, base.coapPort()));
    if (region != null) c = c.withRegion(region);
    if (accountId != null) c = c.withAccountId(accountId);
    if (dev) c = c.withDev(true);
    if (fsync) c = c.withFsync(true);
    long t0 = System.nanoTime();
    Node node;
    try {
      node = Node.start(c, Modules.all());
    } catch (ThingTankException e) {
      System.err.println("thingtank: " + e.getMessage());
      return 2;
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("ThingTank stopping...");
      node.close();
      System.out.println("ThingTank stopped.");
    }, "shutdown"));
    System.out.print(Banner.render(node, ms));
    System.out.flush();
    serving = true;
    return 0;
  }

  private static int or(Integer v, int d) { return v != null ? v : d; }
}

package io.thingtank.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings of one ThingTank process. Built once at start (CLI flags over the optional JSON
 * config file over defaults) and then immutable; modules read their own section with
 * {@link #section(String)}.
 *
 * @param host       address every listener binds (127.0.0.1 in tests)
 * @param awsPort    every AWS API (4566)
 * @param webPort    WAMP WebSocket, console, Xively and platform REST (8080)
 * @param devicesPort device hub REST, WebSocket and socket.io (3000)
 * @param mqttPort   MQTT over TCP (1883)
 * @param rawSocketPort WAMP RawSocket (8081)
 * @param coapPort   CoAP over UDP (5683)
 * @param dev        development mode: relaxed security, announced loudly at start
 * @param fsync      fsync every acknowledged write (power-loss safety); kill -9 safety needs only the WAL
 * @param sections   the config file's per-module objects ("wamp", "mqtt", ...)
 */
public record Config(
    Path dataDir,
    String host,
    int awsPort,
    int webPort,
    int devicesPort,
    int mqttPort,
    int rawSocketPort,
    int coapPort,
    String region,
    String accountId,
    boolean dev,
    boolean fsync,
    ObjectNode sections) {

  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT = "000000000000";

  public static Config defaults() {
    return new Config(Path.of("data"), "0.0.0.0", 4566, 8080, 3000, 1883, 8081, 5683,
        DEFAULT_REGION, DEFAULT_ACCOUNT, false, false, JsonNodeFactory.instance.objectNode());
  }

  /** A config for tests: loopback, every port 0 (the OS picks a free one). */
  public static Config forTest(Path dataDir) {
    return defaults().withDataDir(dataDir).withHost("127.0.0.1").withPorts(0, 0, 0, 0, 0, 0);
  }

  /**
   * Reads a JSON config file. Top-level scalar keys override the defaults ({@code dataDir},
   * {@code host}, {@code awsPort}, ..., {@code dev}); object-valued keys become sections.
   */
  public static Config fromFile(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(file));
    if (root == null || !root.isObject()) {
      throw new IOException("config file " + file + " must hold a JSON object");
    }
    Config c = defaults();
    ObjectNode sections = JsonNodeFactory.instance.objectNode();
    for (var it = root.properties().iterator(); it.hasNext(); ) {
      var e = it.next();
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "dataDir" -> c = c.withDataDir(Path.of(v.asText()));
        case "host" -> c = c.withHost(v.asText());
        case "awsPort" -> c = c.with(b -> b.awsPort = v.asInt());
        case "webPort" -> c = c.with(b -> b.webPort = v.asInt());
        case "devicesPort" -> c = c.with(b -> b.devicesPort = v.asInt());
        case "mqttPort" -> c = c.with(b -> b.mqttPort = v.asInt());
        case "rawSocketPort" -> c = c.with(b -> b.rawSocketPort = v.asInt());
        case "coapPort" -> c = c.with(b -> b.coapPort = v.asInt());
        case "region" -> c = c.with(b -> b.region = v.asText());
        case "accountId" -> c = c.with(b -> b.accountId = v.asText());
        case "dev" -> c = c.with(b -> b.dev = v.asBoolean());
        case "fsync" -> c = c.with(b -> b.fsync = v.asBoolean());
        default -> {
          if (!v.isObject()) {
            throw new IOException("config file " + file + ": unknown setting '" + e.getKey() + "'");
          }
          sections.set(e.getKey(), v);
        }
      }
    }
    return c.withSections(sections);
  }

  /** The module's section of the config file, or an empty object. Never null. */
  public ObjectNode section(String name) {
    JsonNode n = sections.get(name);
    return n instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
  }

  public Config withDataDir(Path d) { return with(b -> b.dataDir = d); }
  public Config withHost(String h) { return with(b -> b.host = h); }
  public Config withDev(boolean d) { return with(b -> b.dev = d); }
  public Config withRegion(String r) { return with(b -> b.region = r); }
  public Config withAccountId(String a) { return with(b -> b.accountId = a); }
  public Config withFsync(boolean f) { return with(b -> b.fsync = f); }
  public Config withSections(ObjectNode s) { return with(b -> b.sections = s); }

  public Config withSection(String name, JsonNode value) {
    ObjectNode copy = sections.deepCopy();
    copy.set(name, value);
    return withSections(copy);
  }

  public Config withPorts(int aws, int web, int devices, int mqtt, int rawSocket, int coap) {
    return with(b -> {
      b.awsPort = aws; b.webPort = web; b.devicesPort = devices;
      b.mqttPort = mqtt; b.rawSocketPort = rawSocket; b.coapPort = coap;
    });
  }

  /** Mutable copy used only inside the wither methods. */
  public static final class Builder {
    public Path dataDir; public String host;
    public int awsPort, webPort, devicesPort, mqttPort, rawSocketPort, coapPort;
    public String region, accountId; public boolean dev, fsync; public ObjectNode sections;
  }

  public Config with(java.util.function.Consumer<Builder> change) {
    Builder b = new Builder();
    b.dataDir = dataDir; b.host = host; b.awsPort = awsPort; b.webPort = webPort;
    b.devicesPort = devicesPort; b.mqttPort = mqttPort; b.rawSocketPort = rawSocketPort;
    b.coapPort = coapPort; b.region = region; b.accountId = accountId; b.dev = dev;
    b.fsync = fsync; b.sections = sections;
    change.accept(b);
    return new Config(b.dataDir, b.host, b.awsPort, b.webPort, b.devicesPort, b.mqttPort,
        b.rawSocketPort, b.coapPort, b.region, b.accountId, b.dev, b.fsync, b.sections);
  }
}

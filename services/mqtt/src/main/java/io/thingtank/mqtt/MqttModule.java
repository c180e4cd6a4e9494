package io.thingtank.mqtt;

import io.thingtank.core.Platform;
import io.thingtank.core.ServiceModule;
import io.thingtank.core.bus.MessageBus;
import io.thingtank.core.net.Endpoints;
import io.thingtank.core.net.ListenerDeployer;
import io.thingtank.core.web.WebMount;
import io.thingtank.devices.DeviceHub;
import io.thingtank.mqtt.auth.ConfigAuthenticator;
import io.thingtank.mqtt.auth.EnhancedAuthentication;
import io.thingtank.mqtt.auth.MqttAuthenticator;
import io.thingtank.mqtt.auth.MqttAuthenticator.MqttCredentials;
import io.thingtank.mqtt.auth.MqttPrincipal;
import io.thingtank.mqtt.auth.TopicAcl;
import io.thingtank.mqtt.bridge.WampBridge;
import io.thingtank.mqtt.broker.Broker;
import io.thingtank.mqtt.broker.Persistence;
import io.thingtank.mqtt.net.MqttListenerVerticle;
import io.thingtank.mqtt.net.MqttWebSocketHandler;
import io.thingtank.mqtt.protocol.ConnectAuth;
import io.thingtank.mqtt.protocol.MqttConnection;
import io.thingtank.mqtt.protocol.MqttTransport;
import io.thingtank.mqtt.skynet.SkynetAuthenticator;
import io.thingtank.mqtt.store.RocksMqttStore;
import io.thingtank.mqtt.sys.SysTopics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The MQTT broker (3.1.1 and 5.0): TCP on {@code mqttPort}, WebSocket at {@code /mqtt} on the
 * web port, state in the {@code mqtt} table, the WAMP bridge when a {@link MessageBus} is
 * present, and SkyNet's MQTT API for devices when a {@link DeviceHub} is. Lifecycle methods run on the server's start thread.
 */
public final class MqttModule implements ServiceModule {
  private Platform platform;
  private MqttSettings settings;
  private Broker broker;
  private ConfigAuthenticator configAuth;
  private Optional<MqttAuthenticator> devices = Optional.empty();
  private ListenerDeployer.Deployed deployed;
  private boolean bridged;
  private SysTopics sys;

  @Override public String name() { return "mqtt"; }

  @Override
  public void register(Platform p) {
    this.platform = p;
    this.settings = MqttSettings.from(p.config());
    p.mount(new WebMount("/mqtt", List.of("mqtt", "mqttv3.1"),
        new MqttWebSocketHandler(p.vertx(), settings.maxPacketSize(), this::connection)));
  }

  @Override
  public Future<?> start(Platform p) {
    if (platform == null) register(p);
    RocksMqttStore store = new RocksMqttStore(p.storage());
    broker = new Broker(p.vertx(), p.clock(), new Persistence(store, p.executor()), settings.maxQueued());
    configAuth = new ConfigAuthenticator(p.vertx(), settings);
    devices = p.lookup(DeviceHub.class).map(hub -> new SkynetAuthenticator(hub, settings.skynetPass()));
    return p.executor().submit("mqtt", store::load)
        .map(snapshot -> {
          broker.recover(snapshot);
          sys = new SysTopics(p.vertx(), broker, p.clock(), version());
          sys.start(settings.sys().intervalSeconds());
          return null;
        })
        .compose(v -> ListenerDeployer.deploy(p.vertx(), p.config().mqttPort(), ListenerDeployer.defaultInstances(),
            port -> new MqttListenerVerticle(p.config().host(), port, settings.maxPacketSize(), this::connection)))
        .compose(d -> {
          deployed = d;
          Optional<MessageBus> bus = p.lookup(MessageBus.class);
          if (bus.isEmpty() || settings.bridgePrefix() == null) return Future.succeededFuture();
          bridged = true;
          return new WampBridge(bus.get(), broker, settings.bridgePrefix(), settings.bridgeRealm()).start();
        });
  }

  private MqttConnection connection(Vertx vertx, MqttTransport transport) {
    return new MqttConnection(vertx, transport, broker, new ConnectAuth() {
      @Override public Future<MqttPrincipal> authenticate(MqttCredentials c) { return MqttModule.this.authenticate(c); }

      @Override public Optional<EnhancedAuthentication> enhanced(String method) { return configAuth.enhanced(method); }
    }, settings);
  }

  /**
   * A provided authenticator first, then SkyNet devices (uuid/token, when a {@link DeviceHub} is
   * present), then config users, then anonymous.
   */
  private Future<MqttPrincipal> authenticate(MqttCredentials c) {
    Future<Optional<MqttPrincipal>> external = platform.lookup(MqttAuthenticator.class)
        .map(a -> a.authenticate(c)).orElse(Future.succeededFuture(Optional.empty()));
    return external
        .compose(found -> found.isPresent() || devices.isEmpty() ? Future.succeededFuture(found)
            : devices.get().authenticate(c))
        .compose(found -> found.isPresent() ? Future.succeededFuture(found) : configAuth.authenticate(c))
        .compose(found -> {
          if (found.isPresent()) return Future.succeededFuture(found.get());
          if (settings.dev()) return Future.succeededFuture(new MqttPrincipal(
              c.username() == null ? "anonymous" : c.username(), TopicAcl.ALL));
          if (c.username() == null && settings.allowAnonymous()) {
            return Future.succeededFuture(MqttPrincipal.anonymous(
                TopicAcl.of(null, settings.anonymousPublish(), settings.anonymousSubscribe())));
          }
          return Future.failedFuture(c.username() == null
              ? new IllegalStateException("anonymous clients are not allowed")
              : new SecurityException("unknown user"));
        });
  }

  private static String version() {
    String v = MqttModule.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public Future<?> stop() {
    if (sys != null) sys.stop();
    if (deployed == null) return Future.succeededFuture();
    // tell clients why (0x8B) before the listeners and their sockets go away
    return broker.shutdown().timeout(5, java.util.concurrent.TimeUnit.SECONDS)
        .eventually(() -> deployed.undeploy(platform.vertx()));
  }

  /** The bound TCP port (differs from the config when it asked for 0). */
  public int port() { return deployed.port(); }

  /** The broker, for in-process use and tests. */
  public Broker broker() { return broker; }

  @Override
  public List<String> endpoints() {
    String host = Endpoints.displayHost(platform.config().host());
    List<String> lines = new ArrayList<>();
    lines.add(Endpoints.line("MQTT", "mqtt://" + host + ":" + port()
        + (settings.dev() ? "  (dev mode: anonymous clients have full access)" : "")));
    int webPort = platform.config().webPort();
    lines.add(Endpoints.line("MQTT/WS", "ws://" + host + ":" + (webPort == 0 ? "<web port>" : webPort) + "/mqtt"));
    if (bridged) lines.add(Endpoints.line("MQTT->WAMP", "topics a/b/c <-> " + settings.bridgePrefix() + ".a.b.c"));
    return lines;
  }
}

package io.thingtank.devices;

import io.thingtank.core.Platform;
import io.thingtank.core.ServiceModule;
import io.thingtank.core.bus.MessageBus;
import io.thingtank.core.net.Endpoints;
import io.thingtank.core.net.ListenerDeployer;
import io.thingtank.devices.bus.BusBridge;
import io.thingtank.devices.coap.CoapMirror;
import io.thingtank.devices.hub.Hub;
import io.thingtank.devices.socketio.EngineIoServer;
import io.thingtank.devices.socketio.SkynetSocketHandler;
import io.thingtank.devices.socketio.SocketIoConnection;
import io.thingtank.devices.store.RocksDeviceStore;
import io.vertx.core.Future;
import java.util.List;

/**
 * The SkyNet/Meshblu-compatible device hub on {@code config.devicesPort()} (3000): REST,
 * socket.io (Engine.IO v4 / Socket.IO v5) and Meshblu's WebSocket API, and a CoAP mirror on
 * {@code config.coapPort()} (UDP), backed by the
 * {@code devices} table. Offers {@link DeviceHub} to other modules at register time and, when
 * a {@link MessageBus} is present at start, bridges device messages to WAMP ({@link BusBridge}).
 * Config section {@code "devices"}: {@code realm} (WAMP realm, default {@code "realm1"}),
 * {@code pingInterval}/{@code pingTimeout} (Engine.IO, ms, default 25000/20000).
 */
public final class DevicesModule implements ServiceModule {
  private Platform platform;
  private Hub hub;
  private EngineIoServer engine;
  private ListenerDeployer.Deployed deployed;
  private MessageBus.Registration busSubscription;
  private CoapMirror coap;

  @Override public String name() { return "devices"; }

  @Override
  public void register(Platform p) {
    this.platform = p;
    RocksDeviceStore store = new RocksDeviceStore(p.storage(), p.clock());
    hub = new Hub(store, p.executor(), p.clock(), p.ids());
    p.provide(DeviceHub.class, hub);
  }

  @Override
  public Future<?> start(Platform p) {
    if (hub == null) register(p);
    var section = p.config().section("devices");
    engine = new EngineIoServer(section.path("pingInterval").asLong(25_000), section.path("pingTimeout").asLong(20_000),
        session -> new SocketIoConnection(session, session.sid(), new SkynetSocketHandler(hub, session.remoteAddress())));
    Future<?> bus = p.lookup(MessageBus.class)
        .map(b -> new BusBridge(b, section.path("realm").asText("realm1"), hub).start()
            .onSuccess(r -> busSubscription = r).map(r -> (Object) r))
        .orElse(Future.succeededFuture());
    // Vert.x shares a listening socket only among servers asking for the same port; with port 0
    // (tests) every instance would bind its own random port, so one instance serves there.
    int instances = p.config().devicesPort() == 0 ? 1 : ListenerDeployer.defaultInstances();
    return bus.compose(x -> ListenerDeployer.deploy(p.vertx(), p.config().devicesPort(), instances,
            port -> new DevicesVerticle(p.config().host(), port, hub, engine)))
        .onSuccess(d -> deployed = d)
        .compose(d -> p.vertx().executeBlocking(() -> {
          coap = new CoapMirror(hub, p.vertx().getOrCreateContext(), p.config().host(), p.config().coapPort());
          coap.start();
          return coap;
        }));
  }

  @Override
  public Future<?> stop() {
    if (busSubscription != null) busSubscription.close();
    if (coap != null) coap.close();
    return deployed == null ? Future.succeededFuture() : deployed.undeploy(platform.vertx());
  }

  /** The bound port (differs from the config when it asked for 0). */
  public int port() { return deployed.port(); }

  /** The bound CoAP (UDP) port. */
  public int coapPort() { return coap.port(); }

  @Override
  public List<String> endpoints() {
    String host = Endpoints.displayHost(platform.config().host());
    return List.of(Endpoints.line("Devices", "http://" + host + ":" + port() + "/ (REST, socket.io, /ws/v2)"),
        Endpoints.line("CoAP", "coap://" + host + ":" + coapPort() + "/"));
  }
}

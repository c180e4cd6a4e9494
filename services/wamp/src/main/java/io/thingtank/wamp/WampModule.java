package io.thingtank.wamp;

import io.thingtank.core.Platform;
import io.thingtank.core.ServiceModule;
import io.thingtank.core.bus.MessageBus;
import io.thingtank.core.net.Endpoints;
import io.thingtank.core.net.ListenerDeployer;
import io.thingtank.core.net.SpinningEpoll;
import io.thingtank.core.web.WebMount;
import io.thingtank.wamp.auth.RealmConfig;
import io.thingtank.wamp.auth.WampConfig;
import io.thingtank.wamp.bridge.HttpBridge;
import io.thingtank.wamp.bus.BusAuthorizer;
import io.thingtank.wamp.bus.WampMessageBus;
import io.thingtank.wamp.router.Realm;
import io.thingtank.wamp.router.Router;
import io.thingtank.wamp.store.RocksEventStore;
import io.thingtank.wamp.transport.RawSocketVerticle;
import io.thingtank.wamp.transport.WebSocketEndpoint;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * The WAMP router module: WebSocket at {@code /ws} and the HTTP bridge ({@code /publish},
 * {@code /call}) on the web port, RawSocket on its own port, and the in-process
 * {@link MessageBus}. The router (realms, authenticators) is built in {@link #register} from
 * the {@code "wamp"} config section; realms load retained events and history in {@link #start}.
 */
public final class WampModule implements ServiceModule {
  private Platform platform;
  private Router router;
  private ListenerDeployer.Deployed rawSocket;

  @Override public String name() { return "wamp"; }

  @Override
  public void register(Platform p) {
    this.platform = p;
    WampMessageBus bus = new WampMessageBus(() -> router);
    WampConfig config = WampConfig.parse(p.config().section("wamp"), p.config().dev(), p.ids(), p.clock(), () -> bus);
    RocksEventStore store = new RocksEventStore(p.storage().table("wamp"), p.executor());
    List<Realm> realms = new ArrayList<>();
    for (RealmConfig rc : config.realms().values()) {
      realms.add(new Realm(rc, p.vertx(), p.webLoop(), p.clock(), config.strictUris(), store));
    }
    BusAuthorizer authorizer = new BusAuthorizer(bus);
    for (Realm r : realms) r.dynamicAuthorizer(authorizer);
    router = new Router(config, realms);
    SpinningEpoll.spinOn(p.webLoop(), config.spinMicros());
    p.mount(new WebMount("/ws", WebSocketEndpoint.SUB_PROTOCOLS, new WebSocketEndpoint(router)));
    p.mount(new WebMount("/publish", List.of(), new HttpBridge(router, bus, false)));
    p.mount(new WebMount("/call", List.of(), new HttpBridge(router, bus, true)));
    p.provide(MessageBus.class, bus);
  }

  @Override
  public Future<?> start(Platform p) {
    var cfg = p.config();
    return p.vertx().executeBlocking(() -> {
          for (Realm r : router.realms().values()) r.load();
          return null;
        })
        .compose(v -> ListenerDeployer.deployOn(p.vertx(), cfg.rawSocketPort(), p.webLoop(),
            port -> new RawSocketVerticle(cfg.host(), port, router)))
        .onSuccess(d -> rawSocket = d);
  }

  @Override
  public Future<?> stop() {
    return rawSocket == null ? Future.succeededFuture() : rawSocket.undeploy(platform.vertx());
  }

  /** The bound RawSocket port (differs from the config when it asked for 0). */
  public int rawSocketPort() { return rawSocket.port(); }

  /** The router, for tests and the bench. */
  public Router router() { return router; }

  @Override
  public List<String> endpoints() {
    var cfg = platform.config();
    String host = Endpoints.displayHost(cfg.host());
    List<String> lines = new ArrayList<>();
    if (cfg.webPort() != 0) lines.add(Endpoints.line("WAMP", "ws://" + host + ":" + cfg.webPort() + "/ws"));
    lines.add(Endpoints.line("WAMP raw", "rs://" + host + ":" + rawSocketPort()));
    lines.add(Endpoints.line("", "realms " + router.realms().keySet() + (cfg.dev()
        ? "; anonymous has FULL permissions (--dev)"
        : "; anonymous may only subscribe and call unless configured")));
    return lines;
  }
}

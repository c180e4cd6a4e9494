package io.thingtank.core;

import io.thingtank.core.identity.Identity;
import io.thingtank.core.storage.RocksEngine;
import io.thingtank.core.storage.StoreExecutor;
import io.thingtank.core.web.WebMount;
import io.netty.channel.EventLoop;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What every module is given at start: Vert.x, the config, time and ids, the storage engine
 * and its executor, the account identity, and a registry through which modules offer APIs to
 * each other ({@code provide(MessageBus.class, broker)}) and mount parts of the web port.
 * Built once by the server; thread-safe.
 */
public final class Platform {
  private final Vertx vertx;
  private final Config config;
  private final Clock clock;
  private final Ids ids;
  private final RocksEngine storage;
  private final StoreExecutor executor;
  private final Identity identity;
  private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
  private final List<WebMount> mounts = new CopyOnWriteArrayList<>();
  private final EventLoop webLoop;

  public Platform(Vertx vertx, Config config, Clock clock, Ids ids, RocksEngine storage,
      StoreExecutor executor, Identity identity) {
    this.vertx = vertx;
    this.config = config;
    this.clock = clock;
    this.ids = ids;
    this.storage = storage;
    this.executor = executor;
    this.identity = identity;
    this.webLoop = ((VertxInternal) vertx).nettyEventLoopGroup().next();
  }

  public Vertx vertx() { return vertx; }
  public Config config() { return config; }
  public Clock clock() { return clock; }
  public Ids ids() { return ids; }
  public RocksEngine storage() { return storage; }
  public StoreExecutor executor() { return executor; }
  public Identity identity() { return identity; }
  public String accountId() { return identity.accountId(); }

  /**
   * The one event loop serving the web port's connections; the WAMP router runs its realms
   * and RawSocket connections on it too, so that routing a message between two sessions
   * wakes no other thread and each peer's messages leave in one flush per loop turn.
   */
  public EventLoop webLoop() { return webLoop; }

  /** Offers {@code impl} to other modules under {@code type}. */
  public <T> void provide(Class<T> type, T impl) { services.put(type, impl); }

  /** An API another module provided, if that module is part of this process. */
  public <T> Optional<T> lookup(Class<T> type) { return Optional.ofNullable(type.cast(services.get(type))); }

  /** Serves a path prefix of the web port. Call from {@link ServiceModule#register}. */
  public void mount(WebMount mount) { mounts.add(mount); }

  public List<WebMount> mounts() { return List.copyOf(mounts); }
}

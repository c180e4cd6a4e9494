package io.thingtank.core;

import io.thingtank.core.identity.Identity;
import io.thingtank.core.net.SpinningEpoll;
import io.thingtank.core.storage.RocksEngine;
import io.thingtank.core.storage.StoreExecutor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running ThingTank: opens the data dir (store + identity), builds the {@link Platform},
 * registers and starts the given modules in order, and stops them in reverse. Used by the
 * server's main and by integration tests (with {@link Config#forTest}).
 */
public final class Node implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);

  private final Platform platform;
  private final List<ServiceModule> modules;
  private final List<ServiceModule> started = new ArrayList<>();

  private Node(Platform platform, List<ServiceModule> modules) {
    this.platform = platform;
    this.modules = modules;
  }

  /** Starts a node and blocks until every module answers (or throws what failed). */
  public static Node start(Config config, Clock clock, List<ServiceModule> modules) {
    long t0 = System.nanoTime();
    // Vert.x (native transport, event loops) starts while the store opens: both take a few hundred ms.
    CompletableFuture<Vertx> vertxReady = CompletableFuture.supplyAsync(() -> {
      VertxOptions options = new VertxOptions().setPreferNativeTransport(true);
      io.vertx.core.transport.Transport epoll = SpinningEpoll.transport();
      return epoll == null ? Vertx.vertx(options) : Vertx.builder().with(options).withTransport(epoll).build();
    });
    RocksEngine storage;
    try {
      storage = RocksEngine.open(config.dataDir().resolve("db"), config.fsync());
    } catch (RuntimeException e) {
      vertxReady.thenAccept(Vertx::close);
      throw e;
    }
    LOG.debug("store opened in {} ms", (System.nanoTime() - t0) / 1_000_000);
    Vertx vertx = null;
    try {
      Ids ids = new Ids();
      Identity identity = Identity.loadOrCreate(config.dataDir(),
          Config.DEFAULT_ACCOUNT.equals(config.accountId()) ? null : config.accountId(), clock, ids);
      vertx = vertxReady.join();
      LOG.debug("identity and Vert.x ready at {} ms", (System.nanoTime() - t0) / 1_000_000);
      StoreExecutor executor = new StoreExecutor(Math.max(2, Runtime.getRuntime().availableProcessors()));
      Platform platform = new Platform(vertx, config, clock, ids, storage, executor, identity);
      Node node = new Node(platform, List.copyOf(modules));
      for (ServiceModule m : modules) m.register(platform);
      for (ServiceModule m : modules) {
        long m0 = System.nanoTime();
        await(m.start(platform), "start " + m.name());
        node.started.add(m);
        LOG.debug("{} started in {} ms", m.name(), (System.nanoTime() - m0) / 1_000_000);
      }
      return node;
    } catch (RuntimeException e) {
      if (vertx != null) vertx.close();
      else vertxReady.thenAccept(Vertx::close);
      storage.close();
      throw e;
    }
  }

  public static Node start(Config config, List<ServiceModule> modules) {
    return start(config, Clock.SYSTEM, modules);
  }

  public Platform platform() { return platform; }

  public List<ServiceModule> modules() { return modules; }

  /** Stops modules in reverse order, then Vert.x, the executor and the store. */
  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      ServiceModule m = started.get(i);
      try {
        await(m.stop(), "stop " + m.name());
      } catch (RuntimeException e) {
        LOG.warn("stopping {} failed", m.name(), e);
      }
    }
    started.clear();
    try {
      platform.vertx().close().await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("closing Vert.x failed", e);
    }
    platform.executor().close();
    platform.storage().close();
  }

  private static void await(Future<?> f, String what) {
    try {
      f.await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new ThingTankException(what + " failed: " + e.getMessage(), e);
    }
  }
}

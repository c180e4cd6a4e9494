package io.thingtank.s3;

import io.thingtank.aws.AwsProtocol;
import io.thingtank.aws.AwsServiceModel;
import io.thingtank.aws.OperationHandler;
import io.thingtank.aws.StreamingAwsService;
import io.thingtank.core.Platform;
import io.thingtank.core.bus.MessageBus;
import io.thingtank.core.queue.QueueSink;
import io.thingtank.s3.access.Principals;
import io.thingtank.s3.checksum.ChecksumAlgorithm;
import io.thingtank.s3.lifecycle.Expirations;
import io.thingtank.s3.lifecycle.LifecycleSweeper;
import io.thingtank.s3.notify.BusEvents;
import io.thingtank.s3.notify.FanOutEvents;
import io.thingtank.s3.notify.QueueEvents;
import io.thingtank.s3.notify.S3Events;
import io.thingtank.s3.store.BlobFiles;
import io.thingtank.s3.store.Blobs;
import io.thingtank.s3.store.BucketConfigs;
import io.thingtank.s3.store.InlineBodies;
import io.thingtank.s3.store.ObjectCache;
import io.thingtank.s3.store.RocksBucketConfigs;
import io.thingtank.s3.store.RocksLifecycleStore;
import io.thingtank.s3.store.RocksS3Store;
import io.thingtank.s3.store.RocksVersionStore;
import io.thingtank.s3.store.SettingsCache;
import io.thingtank.s3.wire.S3Addressing;
import io.thingtank.s3.wire.XmlOut;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Amazon S3 on the AWS port. The gateway hands over each request before its body is read;
 * {@link S3Dispatcher} routes it to the handlers {@link S3Operations} lists. At start the
 * store is opened and temp files and unreferenced blobs left by a crash are swept.
 * Config section {@code "s3"}: {@code "domains": ["s3.example.com"]} adds virtual-host domains;
 * {@code "realm"} and {@code "topicPrefix"} place the object events on the WAMP bus;
 * {@code "lifecyclePeriodMillis"} (default an hour) is how often lifecycle rules are applied, and
 * {@code "lifecycleDayMillis"} (default 86400000; for tests only) how long a lifecycle "day" is.
 */
public final class S3Service implements StreamingAwsService {
  private static final Logger LOG = LoggerFactory.getLogger(S3Service.class);
  private static final AwsServiceModel MODEL = new AwsServiceModel("s3", null, Set.of(AwsProtocol.REST_XML),
      "2006-03-01", XmlOut.NAMESPACE, "software.amazon.awssdk.services.s3.model", false, null);

  private static final long DAY_MILLIS = 86_400_000L;
  private static final long HOUR_MILLIS = 3_600_000L;

  private volatile S3Dispatcher dispatcher;
  private volatile LifecycleSweeper sweeper;
  private volatile Vertx vertx;
  private volatile long sweepTimer;

  @Override public AwsServiceModel model() { return MODEL; }

  @Override
  public Future<?> start(Platform platform) {
    List<String> domains = new ArrayList<>(S3Dispatcher.defaultDomains());
    var section = platform.config().section("s3");
    section.path("domains").forEach(d -> domains.add(0, d.asText()));
    SettingsCache settings = new SettingsCache(platform.storage());
    RocksBucketConfigs configs = new RocksBucketConfigs(platform.storage(), settings);
    Supplier<Optional<QueueSink>> queues = () -> platform.lookup(QueueSink.class);
    S3Events events = new FanOutEvents(List.of(busEvents(platform, configs),
        new QueueEvents(configs, queues, platform.config().region(), platform.clock())));
    InlineBodies bodies = new InlineBodies(platform.storage());
    ObjectCache objects = new ObjectCache();
    S3Context ctx = new S3Context(new RocksS3Store(platform.storage(), settings, objects),
        new RocksVersionStore(platform.storage(), settings, bodies, objects), new RocksLifecycleStore(platform.storage(), settings),
        new Expirations(section.path("lifecycleDayMillis").asLong(DAY_MILLIS)),
        new Blobs(new BlobFiles(platform.config().dataDir().resolve("s3"), platform.config().fsync()),
            bodies),
        platform.executor(), platform.vertx(), platform.clock(), platform.config().region(),
        id -> platform.identity().find(id).map(k -> k.secretAccessKey()).orElse(null), events, configs, queues,
        new Principals(() -> platform.identity().keys()));
    // Loads CRC64NVME's native code (~190 ms, once) on a worker now, not on the event loop of the first PUT.
    platform.vertx().executeBlocking(ChecksumAlgorithm.CRC64NVME::newHasher, false);
    return ctx.executor().submit("s3-sweep", () -> ctx.blobs().sweep(ctx.store().referencedBlobs()))
        .onSuccess(n -> {
          if (n > 0) LOG.info("S3 start-up sweep removed {} leftover files and inline bodies", n);
          dispatcher = new S3Dispatcher(new S3Addressing(domains), S3Operations.handlers(ctx), ctx);
          sweeper = new LifecycleSweeper(ctx, ctx.expirations(), platform.ids());
          vertx = platform.vertx();
          sweepTimer = vertx.setPeriodic(section.path("lifecyclePeriodMillis").asLong(HOUR_MILLIS), id -> sweepLifecycle()
              .onFailure(e -> LOG.warn("lifecycle sweep failed", e))
              .onSuccess(removed -> {
                if (removed > 0) LOG.info("lifecycle sweep removed {} versions, markers and uploads", removed);
              }));
        });
  }

  /** Applies the lifecycle rules of every bucket now (the timer does it every {@code lifecyclePeriodMillis}). */
  public Future<Integer> sweepLifecycle() { return sweeper.sweep(); }

  @Override
  public Future<?> stop() {
    if (vertx == null) return Future.succeededFuture();
    vertx.cancelTimer(sweepTimer);
    return sweeper.whenIdle();
  }

  /**
   * Events go to the WAMP bus when this process has one ({@code s3.realm}, {@code s3.topicPrefix});
   * they go to SQS queues as the buckets' notification configurations say ({@code QueueEvents}).
   */
  private static S3Events busEvents(Platform platform, BucketConfigs configs) {
    var section = platform.config().section("s3");
    return platform.lookup(MessageBus.class).<S3Events>map(bus -> new BusEvents(bus,
        section.path("realm").asText("realm1"), section.path("topicPrefix").asText("thingtank.s3"),
        platform.config().region(), platform.clock(), configs)).orElse(S3Events.NONE);
  }

  @Override public List<OperationHandler<?, ?>> handlers() { return List.of(); }

  @Override public boolean allowsAnonymous() { return true; }

  @Override public boolean signsSingleEncodedPath() { return true; }

  @Override
  public void handle(HttpServerRequest http, Head head) { dispatcher.dispatch(http, head); }
}

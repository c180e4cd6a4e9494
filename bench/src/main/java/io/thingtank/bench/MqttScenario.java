package io.thingtank.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Scenario {@code mqtt} with the Vert.x MQTT client (3.1.1, clean session) against any broker on
 * loopback: {@code publishers} publishers, each to its own topic, each topic with
 * {@code subscribersPerTopic} subscribers; QoS 0 or 1 for both publish and subscribe. A publisher
 * keeps at most {@link #WINDOW} messages (fewer for fan-out, see {@link WampScenario#window}) not
 * yet delivered to its topic's subscribers, and at QoS 1 at most {@link #WINDOW} not yet acknowledged, so that neither broker drops QoS 0 for slow consumers. Latency is
 * {@code System.nanoTime()} carried in the first 8 payload bytes. Publishers pump on their own
 * client's event loop; called from the bench's main thread.
 */
final class MqttScenario {
  static final int WINDOW = 100;

  record Result(String target, String shape, int qos, long published, long expected, long delivered, double seconds,
      Histogram latency) {
    double perSec() { return delivered / seconds; }
  }

  private record Client(MqttClient mqtt, Context context) {}

  private MqttScenario() {}

  static Future<MqttClient> connect(Vertx vertx, int port, String clientId) {
    MqttClient c = MqttClient.create(vertx, new MqttClientOptions().setClientId(clientId).setCleanSession(true)
        .setMaxInflightQueue(WINDOW * 2).setKeepAliveInterval(300).setAutoKeepAlive(true));
    return c.connect(port, "127.0.0.1").map(ack -> c);
  }

  private static Future<Client> connectWithContext(Vertx vertx, int port, String clientId) {
    return connect(vertx, port, clientId).map(c -> new Client(c, Vertx.currentContext()));
  }

  static Result run(Vertx vertx, String target, int port, int publishers, int subscribersPerTopic, int messages,
      int qos, int bytes, long limitSeconds) throws Exception {
    String run = "b" + System.nanoTime();
    AtomicLongArray delivered = new AtomicLongArray(publishers);
    AtomicLong deliveredAll = new AtomicLong();
    AtomicLong lastDelivery = new AtomicLong();
    List<Histogram> hs = new ArrayList<>();
    List<Client> subs = Connections.open(publishers * subscribersPerTopic, 50, 60,
        i -> connectWithContext(vertx, port, run + "-s" + i));
    List<Client> pubs = Connections.open(publishers, 50, 60, i -> connectWithContext(vertx, port, run + "-p" + i));
    try {
      List<CompletableFuture<Void>> subacks = new ArrayList<>();
      for (int i = 0; i < subs.size(); i++) {
        int topic = i / subscribersPerTopic;
        Histogram h = new Histogram(3);
        hs.add(h);
        CompletableFuture<Void> suback = new CompletableFuture<>();
        subacks.add(suback);
        MqttClient c = subs.get(i).mqtt();
        c.subscribeCompletionHandler(a -> suback.complete(null));
        c.publishHandler(m -> {
          long now = System.nanoTime();
          h.recordValue(Math.max(0, (now - m.payload().getLong(0)) / 1000));
          delivered.incrementAndGet(topic);
          deliveredAll.incrementAndGet();
          lastDelivery.set(now);
        });
        subs.get(i).context().runOnContext(v -> c.subscribe(run + "/" + topic, qos));
      }
      CompletableFuture.allOf(subacks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      int perPublisher = messages / publishers;
      long expected = (long) perPublisher * publishers * subscribersPerTopic;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
      AtomicLong published = new AtomicLong();
      long t0 = System.nanoTime();
      for (int k = 0; k < publishers; k++) {
        Pump pump = new Pump(vertx, pubs.get(k).mqtt(), run + "/" + k, MqttQoS.valueOf(qos), perPublisher, bytes,
            delivered, k, subscribersPerTopic, published, deadline);
        pubs.get(k).context().runOnContext(v -> pump.start());
      }
      while (deliveredAll.get() < expected && System.nanoTime() < deadline) LockSupport.parkNanos(1_000_000);
      long end = deliveredAll.get() < expected ? System.nanoTime() : lastDelivery.get();
      Thread.sleep(100);
      Histogram all = new Histogram(3);
      hs.forEach(all::add);
      String shape = publishers + " -> " + (publishers * subscribersPerTopic)
          + (subscribersPerTopic > 1 ? " (fan-out 1 -> " + subscribersPerTopic + ")" : " (pairs)");
      return new Result(target, shape, qos, published.get(), expected, deliveredAll.get(), (end - t0) / 1e9, all);
    } finally {
      List<Future<Void>> closing = new ArrayList<>();
      for (Client c : subs) closing.add(c.mqtt().disconnect());
      for (Client c : pubs) closing.add(c.mqtt().disconnect());
      Future.join(closing).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** One publisher's send loop, on its client's event loop: sends while the window allows, else waits 1 ms. */
  private static final class Pump {
    private final Vertx vertx;
    private final MqttClient client;
    private final String topic;
    private final MqttQoS qos;
    private final int messages;
    private final int bytes;
    private final AtomicLongArray delivered;
    private final int index;
    private final int fanout;
    private final AtomicLong published;
    private final long deadline;
    private final int window;
    private long sent;
    private long acked;
    private boolean timerPending;

    Pump(Vertx vertx, MqttClient client, String topic, MqttQoS qos, int messages, int bytes, AtomicLongArray delivered,
        int index, int fanout, AtomicLong published, long deadline) {
      this.vertx = vertx;
      this.client = client;
      this.topic = topic;
      this.qos = qos;
      this.messages = messages;
      this.bytes = bytes;
      this.delivered = delivered;
      this.index = index;
      this.fanout = fanout;
      this.published = published;
      this.deadline = deadline;
      this.window = Math.min(WINDOW, WampScenario.window(fanout));
    }

    void start() {
      client.publishCompletionHandler(id -> {
        acked++;
        pump();
      });
      pump();
    }

    private void pump() {
      while (sent < messages && System.nanoTime() < deadline
          && sent - delivered.get(index) / fanout < window && (qos == MqttQoS.AT_MOST_ONCE || sent - acked < WINDOW)) {
        Buffer payload = Buffer.buffer(bytes).appendLong(System.nanoTime()).appendBytes(new byte[bytes - 8]);
        client.publish(topic, payload, qos, false, false);
        sent++;
        published.incrementAndGet();
      }
      if (sent < messages && System.nanoTime() < deadline && !timerPending) {
        timerPending = true;
        vertx.setTimer(1, t -> {
          timerPending = false;
          pump();
        });
      }
    }
  }
}

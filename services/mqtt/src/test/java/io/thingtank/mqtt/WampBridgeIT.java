package io.thingtank.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.core.Platform;
import io.thingtank.core.ServiceModule;
import io.thingtank.core.bus.BusEvent;
import io.thingtank.core.bus.BusPrincipal;
import io.thingtank.core.bus.BusResult;
import io.thingtank.core.bus.MessageBus;
import io.thingtank.mqtt.PahoV3IT.Inbox;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MQTT <-> WAMP bridge against a small in-test {@link MessageBus} (prefix subscriptions,
 * every event delivered to every matching subscriber, publisher not disclosed: the worst case
 * for loops).
 */
@Timeout(60)
class WampBridgeIT {
  @TempDir static Path dir;
  static TestBroker broker;
  static final InTestBus bus = new InTestBus();

  static final class InTestBus implements MessageBus {
    record Sub(String topic, String match, Consumer<BusEvent> handler) {}

    final List<Sub> subs = new CopyOnWriteArrayList<>();
    final BlockingQueue<BusEvent> published = new LinkedBlockingQueue<>();
    final AtomicLong ids = new AtomicLong();

    @Override
    public Future<Void> publish(BusPrincipal from, String topic, List<Object> args, Map<String, Object> kwargs) {
      BusEvent e = new BusEvent(topic, args, kwargs, null);
      published.add(e);
      for (Sub s : subs) {
        if (PREFIX.equals(s.match()) ? topic.startsWith(s.topic()) : topic.equals(s.topic())) s.handler().accept(e);
      }
      return Future.succeededFuture();
    }

    @Override
    public Future<Registration> subscribe(BusPrincipal who, String topic, String match, Consumer<BusEvent> handler) {
      Sub s = new Sub(topic, match, handler);
      subs.add(s);
      long id = ids.incrementAndGet();
      return Future.succeededFuture(new Registration() {
        @Override public long id() { return id; }

        @Override public Future<Void> close() {
          subs.remove(s);
          return Future.succeededFuture();
        }
      });
    }

    @Override
    public Future<BusResult> call(BusPrincipal caller, String procedure, List<Object> args, Map<String, Object> kwargs) {
      return Future.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public Future<Registration> register(BusPrincipal callee, String procedure, String match,
        Function<BusEvent, Future<BusResult>> invocation) {
      return Future.failedFuture(new UnsupportedOperationException());
    }
  }

  /** Provides the bus the way the WAMP module will. */
  static final class BusModule implements ServiceModule {
    @Override public String name() { return "bus"; }

    @Override public void register(Platform p) { p.provide(MessageBus.class, bus); }

    @Override public Future<?> start(Platform p) { return Future.succeededFuture(); }

    @Override public List<String> endpoints() { return List.of(); }
  }

  @BeforeAll
  static void start() {
    broker = TestBroker.start(dir, "{\"bridge\": {\"wampPrefix\": \"mqtt\"}}", true, new BusModule());
  }

  @AfterAll static void stop() { broker.close(); }

  @Test
  void mqttPublishBecomesOneWampEventAndIsNotEchoedBack() throws Exception {
    Inbox inbox = new Inbox();
    MqttClient c = PahoV3IT.client(broker.tcpUri(), "bridge-1", inbox, true);
    c.subscribe("home/#", 1);
    c.publish("home/living room/temp.c", "21.5".getBytes(), 1, false);
    BusEvent e = bus.published.poll(10, TimeUnit.SECONDS);
    assertThat(e.topic()).isEqualTo("mqtt.home.living%20room.temp%2Ec");
    assertThat(e.args()).containsExactly("21.5");
    // the MQTT subscriber gets exactly one copy (its own publish, not a bridged echo)
    assertThat(new String(inbox.next().message().getPayload())).isEqualTo("21.5");
    assertThat(inbox.messages.poll(500, TimeUnit.MILLISECONDS)).isNull();
    assertThat(bus.published.poll(200, TimeUnit.MILLISECONDS)).isNull();
    c.disconnect();
  }

  @Test
  void wampPublicationUnderThePrefixReachesMqttSubscribers() throws Exception {
    Inbox inbox = new Inbox();
    MqttClient c = PahoV3IT.client(broker.tcpUri(), "bridge-2", inbox, true);
    c.subscribe("cmd/+/set", 0);
    bus.publish(BusPrincipal.system("thingtank", "test"), "mqtt.cmd.lamp.set", List.of("on"), Map.of());
    bus.publish(BusPrincipal.system("thingtank", "test"), "mqtt.cmd.fan.set", List.of(Map.of("speed", 2)), Map.of());
    bus.publish(BusPrincipal.system("thingtank", "test"), "other.cmd.x.set", List.of("ignored"), Map.of());
    assertThat(new String(inbox.next().message().getPayload())).isEqualTo("on");
    assertThat(new String(inbox.next().message().getPayload())).isEqualTo("{\"speed\":2}");
    assertThat(inbox.messages.poll(300, TimeUnit.MILLISECONDS)).isNull();
    bus.published.clear();
    c.disconnect();
  }
}

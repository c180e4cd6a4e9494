package io.thingtank.mqtt.sys;

import io.thingtank.core.Clock;
import io.thingtank.mqtt.broker.Broker;
import io.thingtank.mqtt.broker.BrokerStats;
import io.thingtank.mqtt.broker.Message;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes the broker's {@code $SYS} topics the way Mosquitto does (its {@code sys_tree.c}):
 * retained QoS 0 messages, refreshed every interval, each sent only when its value changed
 * ({@code $SYS/broker/uptime} every time). Not bridged to WAMP. Clients cannot publish to
 * {@code $SYS}, and {@code #} does not match it (MQTT 5 §4.7.2). The timer runs on an event
 * loop; {@link #start} and {@link #stop} on the module's start/stop thread.
 */
public final class SysTopics {
  private static final String PREFIX = "$SYS/broker/";

  private final Vertx vertx;
  private final Broker broker;
  private final Clock clock;
  private final long startedAt;
  private final String version;
  private final Map<String, String> lastSent = new HashMap<>();
  private long timer = -1;

  public SysTopics(Vertx vertx, Broker broker, Clock clock, String version) {
    this.vertx = vertx;
    this.broker = broker;
    this.clock = clock;
    this.startedAt = clock.millis();
    this.version = version;
  }

  public void start(int intervalSeconds) {
    if (intervalSeconds <= 0) return;
    publish();
    timer = vertx.setPeriodic(intervalSeconds * 1000L, t -> publish());
  }

  public void stop() {
    if (timer >= 0) vertx.cancelTimer(timer);
    timer = -1;
  }

  /** The current values by topic, in Mosquitto's names. */
  Map<String, String> values() {
    BrokerStats stats = broker.stats();
    BrokerStats.Census census = broker.census();
    Map<String, String> v = new LinkedHashMap<>();
    v.put("version", "thingtank version " + version);
    v.put("uptime", (clock.millis() - startedAt) / 1000 + " seconds");
    v.put("clients/connected", String.valueOf(census.connected()));
    v.put("clients/active", String.valueOf(census.connected()));
    v.put("clients/disconnected", String.valueOf(census.disconnected()));
    v.put("clients/inactive", String.valueOf(census.disconnected()));
    v.put("clients/total", String.valueOf(census.connected() + census.disconnected()));
    v.put("messages/received", String.valueOf(stats.receivedCount()));
    v.put("messages/sent", String.valueOf(stats.sentCount()));
    v.put("publish/messages/received", String.valueOf(stats.receivedCount()));
    v.put("publish/messages/sent", String.valueOf(stats.sentCount()));
    v.put("subscriptions/count", String.valueOf(census.subscriptions()));
    v.put("retained messages/count", String.valueOf(census.retained()));
    return v;
  }

  private synchronized void publish() {
    for (var e : values().entrySet()) {
      if (e.getValue().equals(lastSent.put(e.getKey(), e.getValue())) && !e.getKey().equals("uptime")) continue;
      broker.publish(new Message(PREFIX + e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8), 0, true, 0, "",
          Message.MessageProperties.NONE), true);
    }
  }
}

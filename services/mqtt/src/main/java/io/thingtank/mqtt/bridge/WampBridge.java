package io.thingtank.mqtt.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingtank.core.bus.BusEvent;
import io.thingtank.core.bus.BusPrincipal;
import io.thingtank.core.bus.MessageBus;
import io.thingtank.mqtt.broker.Broker;
import io.thingtank.mqtt.broker.Message;
import io.thingtank.mqtt.broker.Topics;
import io.vertx.core.Future;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects MQTT to the WAMP broker ({@link MessageBus}) under one topic prefix: every MQTT
 * publication becomes a WAMP event on {@link TopicMapping#toWamp}, and every WAMP event under
 * the prefix reaches MQTT subscribers (QoS 0, not retained). Payloads: UTF-8 text is
 * {@code args[0]}; other bytes go as {@code kwargs.payload_base64}. Back to MQTT, a single
 * string argument is sent as its UTF-8 bytes, other arguments as JSON. No loops: bridged
 * messages are not observed again, and events the bridge published itself are recognized
 * (by publisher authid, or by a short-lived fingerprint when the bus does not disclose it).
 * Thread-safe.
 */
public final class WampBridge {
  private static final Logger LOG = LoggerFactory.getLogger(WampBridge.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_FINGERPRINTS = 100_000;

  private final MessageBus bus;
  private final Broker broker;
  private final String prefix;
  private final BusPrincipal principal;
  private final Map<String, AtomicInteger> ownEvents = new ConcurrentHashMap<>();

  public WampBridge(MessageBus bus, Broker broker, String prefix, String realm) {
    this.bus = bus;
    this.broker = broker;
    this.prefix = prefix;
    this.principal = BusPrincipal.system(realm, "mqtt-bridge");
  }

  public Future<?> start() {
    broker.observe(this::toWamp);
    return bus.subscribe(principal, prefix, MessageBus.PREFIX, this::fromWamp);
  }

  private void toWamp(Message m) {
    String uri = TopicMapping.toWamp(prefix, m.topic());
    if (!bus.reaches(principal, uri)) return;
    String text = utf8(m.payload());
    List<Object> args = text != null ? List.of(text) : List.of();
    Map<String, Object> kwargs = text != null ? Map.of()
        : Map.of("payload_base64", Base64.getEncoder().encodeToString(m.payload()));
    if (ownEvents.size() > MAX_FINGERPRINTS) ownEvents.clear();
    ownEvents.computeIfAbsent(fingerprint(uri, args, kwargs), k -> new AtomicInteger()).incrementAndGet();
    bus.publish(principal, uri, args, kwargs)
        .onFailure(e -> LOG.debug("bridging {} to WAMP failed: {}", m.topic(), e.getMessage()));
  }

  private void fromWamp(BusEvent e) {
    if (principal.authid().equals(e.publisherAuthid())) return;
    String key = fingerprint(e.topic(), e.args(), e.kwargs());
    AtomicInteger own = ownEvents.get(key);
    if (own != null && own.getAndDecrement() > 0) {
      if (own.get() <= 0) ownEvents.remove(key, own);
      return;
    }
    String topic = TopicMapping.toMqtt(prefix, e.topic());
    if (topic == null || !Topics.validName(topic)) return;
    broker.publish(new Message(topic, payload(e), 0, false, 0, "", Message.MessageProperties.NONE), true);
  }

  private static byte[] payload(BusEvent e) {
    List<Object> args = e.args() == null ? List.of() : e.args();
    Map<String, Object> kwargs = e.kwargs() == null ? Map.of() : e.kwargs();
    if (args.isEmpty() && kwargs.get("payload_base64") instanceof String b64) {
      return Base64.getDecoder().decode(b64);
    }
    if (args.size() == 1 && args.get(0) instanceof String s) return s.getBytes(StandardCharsets.UTF_8);
    try {
      return JSON.writeValueAsBytes(args.size() == 1 ? args.get(0) : args.isEmpty() ? kwargs : args);
    } catch (Exception ex) {
      return String.valueOf(args).getBytes(StandardCharsets.UTF_8);
    }
  }

  private static String fingerprint(String uri, List<Object> args, Map<String, Object> kwargs) {
    return uri + '\0' + Arrays.deepHashCode(new Object[] {args, kwargs}) + '\0' + String.valueOf(args).length();
  }

  /** The payload as text if it is well-formed UTF-8, else null (checked without throwing: most binary payloads fail). */
  private static String utf8(byte[] b) {
    CharBuffer out = CharBuffer.allocate(b.length);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    if (decoder.decode(ByteBuffer.wrap(b), out, true).isError() || decoder.flush(out).isError()) return null;
    return out.flip().toString();
  }
}

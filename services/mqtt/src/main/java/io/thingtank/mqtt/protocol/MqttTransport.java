package io.thingtank.mqtt.protocol;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.vertx.core.Context;
import io.vertx.core.Future;

/**
 * A network connection that carries MQTT packets: TCP with Netty's codec in the channel
 * pipeline, or a WebSocket (MQTT 5 §6). {@link #send} may be called from any thread.
 */
public interface MqttTransport {
  void send(MqttMessage packet);

  /** False while the outbound buffer is above its high-water mark (a slow consumer). */
  boolean writable();

  /** Sends {@code packet} (if not null), flushes and closes; completes when closed. */
  Future<Void> sendAndClose(MqttMessage packet);

  /** The protocol version the decoder saw in CONNECT, or null before it. */
  MqttVersion version();

  /** The Vert.x context (event loop) packets are handled on. */
  Context context();

  String remoteAddress();
}

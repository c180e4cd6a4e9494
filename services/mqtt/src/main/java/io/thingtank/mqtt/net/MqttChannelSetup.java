package io.thingtank.mqtt.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.AttributeKey;

/**
 * The one place that puts Netty's MQTT codec into a channel pipeline, for TCP connections
 * (before Vert.x's own handler) and for the codec channel of WebSocket connections. Stateless.
 */
final class MqttChannelSetup {
  /** Set by {@link MqttDecoder} when it decodes CONNECT; the encoder picks the wire form by it. */
  private static final AttributeKey<MqttVersion> VERSION = AttributeKey.valueOf("NETTY_CODEC_MQTT_VERSION");
  /** Longest client id accepted; MQTT 5 §3.1.3.1 allows any length up to the string limit. */
  private static final int MAX_CLIENT_ID = 65535;

  /**
   * Bytes a connection may have waiting to be written before it counts as a slow consumer and
   * QoS 0 messages to it are dropped (QoS 1/2 are bounded by its Receive Maximum instead).
   */
  static final int SEND_BUFFER_HIGH = 8 * 1024 * 1024, SEND_BUFFER_LOW = 4 * 1024 * 1024;

  private MqttChannelSetup() {}

  /**
   * Adds the codec before {@code beforeName} ("handler" is Vert.x's connection handler): bytes
   * are decoded into packets first, and packets written by the connection are encoded last.
   */
  static void install(ChannelPipeline pipeline, String beforeName, int maxPacketSize) {
    pipeline.channel().config().setWriteBufferWaterMark(
        new io.netty.channel.WriteBufferWaterMark(SEND_BUFFER_LOW, SEND_BUFFER_HIGH));
    pipeline.addBefore(beforeName, "mqttEncoder", MqttEncoder.INSTANCE);
    pipeline.addBefore(beforeName, "mqttDecoder", new MqttDecoder(maxPacketSize, MAX_CLIENT_ID));
  }

  /** The protocol version seen in CONNECT on {@code channel}, or null before it. */
  static MqttVersion version(Channel channel) { return channel.attr(VERSION).get(); }
}

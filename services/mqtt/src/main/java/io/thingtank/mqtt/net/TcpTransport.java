package io.thingtank.mqtt.net;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.thingtank.mqtt.protocol.MqttTransport;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.internal.net.NetSocketInternal;

/** MQTT over TCP: packets go through the codec {@link MqttChannelSetup} installed. Thread-safe. */
final class TcpTransport implements MqttTransport {
  private final NetSocketInternal socket;
  private final Context context;

  TcpTransport(NetSocketInternal socket, Context context) {
    this.socket = socket;
    this.context = context;
  }

  @Override public void send(MqttMessage packet) { socket.writeMessage(packet); }

  @Override public boolean writable() { return socket.channelHandlerContext().channel().isWritable(); }

  @Override
  public Future<Void> sendAndClose(MqttMessage packet) {
    if (packet == null) return socket.close();
    return socket.writeMessage(packet).transform(ar -> socket.close());
  }

  @Override public MqttVersion version() { return MqttChannelSetup.version(socket.channelHandlerContext().channel()); }

  @Override public Context context() { return context; }

  @Override public String remoteAddress() { return String.valueOf(socket.remoteAddress()); }
}

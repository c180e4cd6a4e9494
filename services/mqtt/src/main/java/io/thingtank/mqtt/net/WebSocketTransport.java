package io.thingtank.mqtt.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.thingtank.mqtt.protocol.MqttConnection;
import io.thingtank.mqtt.protocol.MqttTransport;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.function.Function;

/**
 * MQTT over WebSocket (MQTT 5 §6): binary frames carry the byte stream, which may split or
 * join packets, so it runs through the same Netty codec in a detached channel. Encoding holds
 * the transport's monitor since sessions send from any thread. Thread-safe.
 */
final class WebSocketTransport implements MqttTransport {
  private final ServerWebSocket ws;
  private final Context context;
  private final EmbeddedChannel codec = new EmbeddedChannel();
  /** Packets decoded from the last frame; handled after the codec's monitor is released. */
  private final java.util.ArrayDeque<Object> decoded = new java.util.ArrayDeque<>();
  private MqttConnection connection;

  WebSocketTransport(ServerWebSocket ws, Context context, int maxPacketSize) {
    this.ws = ws;
    this.context = context;
    codec.pipeline().addLast("handler", new ChannelInboundHandlerAdapter() {
      @Override public void channelRead(ChannelHandlerContext ctx, Object msg) { decoded.add(msg); }
    });
    MqttChannelSetup.install(codec.pipeline(), "handler", maxPacketSize);
  }

  /** Wires the WebSocket to {@code conn}: frames in, packets out, close. */
  void attach(Function<MqttTransport, MqttConnection> factory) {
    ws.setWriteQueueMaxSize(MqttChannelSetup.SEND_BUFFER_HIGH);
    connection = factory.apply(this);
    ws.binaryMessageHandler(this::received);
    ws.closeHandler(v -> connection.transportClosed());
    ws.exceptionHandler(e -> ws.close());
  }

  /** On the WebSocket's event loop; packets are dispatched outside the monitor (sessions lock then send). */
  private void received(Buffer data) {
    java.util.List<Object> packets = new java.util.ArrayList<>();
    synchronized (this) {
      codec.writeInbound(io.netty.buffer.Unpooled.wrappedBuffer(data.getBytes()));
      packets.addAll(decoded);
      decoded.clear();
    }
    for (Object p : packets) connection.handle(p);
  }

  @Override
  public synchronized void send(MqttMessage packet) {
    codec.writeOutbound(packet);
    for (Object o; (o = codec.readOutbound()) != null; ) {
      ByteBuf b = (ByteBuf) o;
      try {
        byte[] bytes = new byte[b.readableBytes()];
        b.readBytes(bytes);
        ws.writeBinaryMessage(Buffer.buffer(bytes));
      } finally {
        b.release();
      }
    }
  }

  @Override public boolean writable() { return !ws.writeQueueFull(); }

  @Override
  public Future<Void> sendAndClose(MqttMessage packet) {
    if (packet != null) send(packet);
    return ws.close();
  }

  @Override public synchronized MqttVersion version() { return MqttChannelSetup.version(codec); }

  @Override public Context context() { return context; }

  @Override public String remoteAddress() { return String.valueOf(ws.remoteAddress()); }
}

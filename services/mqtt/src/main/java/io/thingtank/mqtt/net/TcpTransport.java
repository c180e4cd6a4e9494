package io.thingtank.mqtt.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.ReferenceCountUtil;
import io.thingtank.mqtt.protocol.MqttTransport;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.net.NetSocketInternal;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * MQTT over TCP: packets go through the codec {@link MqttChannelSetup} installed.
 *
 * <p>Packets are sent in batches: {@link #send} (any thread) appends to an outbox, and one task
 * on the channel's event loop writes everything waiting and flushes once. So the deliveries of
 * all the publications an event loop handles in one pass leave in one socket write per
 * subscriber instead of one write and flush per message; the outbox keeps the order in which
 * packets were sent. Thread-safe.
 */
final class TcpTransport implements MqttTransport {
  /** Packets handed over but not yet written beyond which the connection counts as not writable. */
  private static final int OUTBOX_LIMIT = 16_384;

  private final NetSocketInternal socket;
  private final ChannelHandlerContext ctx;
  private final Context context;
  private final Queue<MqttMessage> outbox = new ConcurrentLinkedQueue<>();
  private final AtomicInteger outboxSize = new AtomicInteger();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();

  TcpTransport(NetSocketInternal socket, Context context) {
    this.socket = socket;
    this.ctx = socket.channelHandlerContext();
    this.context = context;
  }

  @Override
  public void send(MqttMessage packet) {
    outboxSize.incrementAndGet();
    outbox.add(packet);
    if (drainScheduled.compareAndSet(false, true)) ctx.executor().execute(this::drain);
  }

  /** On the channel's event loop: writes what waits, in order, then flushes once. */
  private void drain() {
    drainScheduled.set(false);
    boolean open = ctx.channel().isOpen(), wrote = false;
    for (MqttMessage p; (p = outbox.poll()) != null; ) {
      outboxSize.decrementAndGet();
      if (open) {
        ctx.write(p, ctx.voidPromise());
        wrote = true;
      } else {
        ReferenceCountUtil.release(p); // closed: nothing more goes out
      }
    }
    if (wrote) ctx.flush();
  }

  @Override
  public boolean writable() {
    return ctx.channel().isWritable() && outboxSize.get() < OUTBOX_LIMIT;
  }

  @Override
  public Future<Void> sendAndClose(MqttMessage packet) {
    Promise<Void> closed = Promise.promise();
    ctx.executor().execute(() -> {
      drain();
      if (packet == null) {
        socket.close().onComplete(closed);
        return;
      }
      ctx.writeAndFlush(packet).addListener(f -> socket.close().onComplete(closed));
    });
    return closed.future();
  }

  @Override public MqttVersion version() { return MqttChannelSetup.version(ctx.channel()); }

  @Override public Context context() { return context; }

  @Override public String remoteAddress() { return String.valueOf(socket.remoteAddress()); }
}

package io.thingtank.wamp.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.function.Consumer;

/**
 * Reassembles WebSocket data frames (RFC 6455 §5.4: a text or binary frame, then continuation
 * frames up to the final one) into whole messages as bytes. Text frames stay UTF-8 bytes: the
 * JSON serializer reads them as they are, without a String in between.
 *
 * <p>It sits in the connection's Netty pipeline just ahead of Vert.x's WebSocket handler and
 * takes the data frames there, so a WAMP message skips Vert.x's per-frame dispatch and copies;
 * control frames (ping, pong, close) go on to Vert.x, which answers and closes as before. Frames
 * Vert.x already held when the handler was added reach {@link #vertxFrame} first, in order.
 * Connection thread.
 */
final class WebSocketMessages extends ChannelInboundHandlerAdapter {
  /** As the web listener's {@code maxWebSocketMessageSize}, which Vert.x only applies to its own aggregation. */
  static final int MAX_MESSAGE = 16 * 1024 * 1024;

  private final Consumer<byte[]> onMessage;
  private final Runnable onTooLarge;
  private ByteBuf partial;

  WebSocketMessages(Consumer<byte[]> onMessage, Runnable onTooLarge) {
    this.onMessage = onMessage;
    this.onTooLarge = onTooLarge;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame
        || msg instanceof ContinuationWebSocketFrame) {
      WebSocketFrame f = (WebSocketFrame) msg;
      try {
        frame(!(f instanceof ContinuationWebSocketFrame), f.isFinalFragment(), f.content());
      } finally {
        f.release();
      }
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) { dropPartial(); }

  /** A data frame Vert.x delivered (one it held before this handler was in the pipeline). */
  void vertxFrame(io.vertx.core.http.WebSocketFrame f) {
    if (f.isText() || f.isBinary() || f.isContinuation()) {
      frame(!f.isContinuation(), f.isFinal(), Unpooled.wrappedBuffer(f.binaryData().getBytes()));
    }
  }

  private void frame(boolean first, boolean last, ByteBuf data) {
    if (first) {
      dropPartial();
      if (last) {
        onMessage.accept(ByteBufUtil.getBytes(data));
      } else {
        partial = Unpooled.buffer(data.readableBytes() * 2).writeBytes(data);
      }
      return;
    }
    if (partial == null) return;
    partial.writeBytes(data);
    if (partial.readableBytes() > MAX_MESSAGE) {
      dropPartial();
      onTooLarge.run();
    } else if (last) {
      byte[] whole = ByteBufUtil.getBytes(partial);
      dropPartial();
      onMessage.accept(whole);
    }
  }

  private void dropPartial() {
    if (partial != null) {
      partial.release();
      partial = null;
    }
  }
}

package io.thingtank.wamp.transport;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import java.util.function.Consumer;

/**
 * Reassembles WebSocket data frames (RFC 6455 §5.4: a text or binary frame, then continuation
 * frames up to the final one) into whole messages as bytes. Text frames stay UTF-8 bytes: the
 * JSON serializer reads them as they are, without a String in between. Connection thread.
 */
final class WebSocketMessages {
  /** As the web listener's {@code maxWebSocketMessageSize}, which Vert.x only applies to its own aggregation. */
  static final int MAX_MESSAGE = 16 * 1024 * 1024;

  private final Consumer<byte[]> onMessage;
  private final Runnable onTooLarge;
  private Buffer partial;

  WebSocketMessages(Consumer<byte[]> onMessage, Runnable onTooLarge) {
    this.onMessage = onMessage;
    this.onTooLarge = onTooLarge;
  }

  void frame(WebSocketFrame f) {
    if (f.isText() || f.isBinary()) {
      if (f.isFinal()) {
        partial = null;
        onMessage.accept(f.binaryData().getBytes());
      } else {
        partial = f.binaryData().copy();
      }
    } else if (f.isContinuation() && partial != null) {
      partial.appendBuffer(f.binaryData());
      if (partial.length() > MAX_MESSAGE) {
        partial = null;
        onTooLarge.run();
      } else if (f.isFinal()) {
        Buffer whole = partial;
        partial = null;
        onMessage.accept(whole.getBytes());
      }
    }
  }
}

package io.thingtank.wamp;

import io.thingtank.wamp.wire.Serializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A byte-level WAMP-over-WebSocket client (JDK HttpClient, wamp.2.json) for sending bad input. */
final class RawWsClient implements AutoCloseable {
  static final Object CLOSED = "<closed>";
  final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
  private final WebSocket ws;

  RawWsClient(String url) throws Exception {
    ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("wamp.2.json")
        .buildAsync(URI.create(url), new WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              received.add(Serializer.JSON.decode(text.toString().getBytes(StandardCharsets.UTF_8)));
              text.setLength(0);
            }
            w.request(1);
            return null;
          }

          @Override public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
            received.add(CLOSED);
            return null;
          }

          @Override public void onError(WebSocket w, Throwable error) { received.add(CLOSED); }
        }).get(10, TimeUnit.SECONDS);
  }

  void send(String json) throws Exception { ws.sendText(json, true).get(10, TimeUnit.SECONDS); }

  /** Sends HELLO for realm1 (callee announces call_canceling) and returns the WELCOME. */
  List<Object> join() throws Exception {
    send("[1, \"realm1\", {\"roles\": {\"caller\": {}, \"callee\": {\"features\": {\"call_canceling\": true,"
        + " \"progressive_call_results\": true}}, \"publisher\": {}, \"subscriber\": {}}}]");
    return next();
  }

  /** The session id from the WELCOME. */
  long joinedSession() throws Exception { return ((Number) join().get(1)).longValue(); }

  /** Sends {@code json} and returns the next message received. */
  List<Object> request(String json) throws Exception {
    send(json);
    return next();
  }

  /** Nothing arrives within {@code millis} (bounded wait). */
  boolean silentFor(long millis) throws InterruptedException {
    Object o = received.poll(millis, TimeUnit.MILLISECONDS);
    if (o != null) received.add(o);
    return o == null;
  }

  @SuppressWarnings("unchecked")
  List<Object> next() throws InterruptedException {
    Object o = received.poll(10, TimeUnit.SECONDS);
    if (o == null) throw new AssertionError("nothing received in 10 s");
    return o == CLOSED ? List.of("<closed>") : (List<Object>) o;
  }

  boolean closedWithin(long seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      Object o = received.poll(100, TimeUnit.MILLISECONDS);
      if (o == CLOSED) return true;
    }
    return false;
  }

  @Override public void close() { ws.abort(); }
}

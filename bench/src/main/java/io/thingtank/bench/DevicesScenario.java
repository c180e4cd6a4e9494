package io.thingtank.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Scenario {@code devices}: device 0 sends messages to devices 1..fanout (all connected over
 * socket.io, see {@link SocketIoDevice}), either as a socket.io {@code message} event or as HTTP
 * POST /messages with its uuid/token; the receivers get socket.io {@code message} events. At most
 * {@link WampScenario#window} messages are on their way at once. Latency is {@code System.nanoTime()} carried
 * in the payload. Called from the bench's main thread.
 */
final class DevicesScenario {
  private static final ObjectMapper JSON = new ObjectMapper();

  enum Path { SOCKET_IO, HTTP }

  record Result(String path, int fanout, long sent, long expected, long delivered, long failed, double seconds,
      Histogram latency) {
    double perSec() { return delivered / seconds; }
  }

  private DevicesScenario() {}

  static Result run(HttpClient http, int port, List<SocketIoDevice> devices, Path path, int fanout, int messages,
      int bytes, long limitSeconds) throws Exception {
    String run = "r" + System.nanoTime();
    SocketIoDevice sender = devices.get(0);
    List<SocketIoDevice> receivers = devices.subList(1, fanout + 1);
    AtomicLong delivered = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong lastDelivery = new AtomicLong();
    List<Histogram> hs = new ArrayList<>();
    for (SocketIoDevice r : receivers) {
      Histogram h = new Histogram(3);
      hs.add(h);
      r.onMessage(m -> {
        if (!run.equals(m.path("payload").path("run").asText())) return;
        long now = System.nanoTime();
        h.recordValue(Math.max(0, (now - m.path("payload").path("t").asLong()) / 1000));
        delivered.incrementAndGet();
        lastDelivery.set(now);
      });
    }
    ObjectNode message = JSON.createObjectNode();
    receivers.forEach(r -> message.withArray("devices").add(r.uuid()));
    ObjectNode payload = message.putObject("payload").put("run", run).put("t", 0L).put("pad", "");
    payload.put("pad", "x".repeat(Math.max(0, bytes - payload.toString().length() - 19)));
    RequestOptions post = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
        .setURI("/messages").putHeader("content-type", "application/json")
        .putHeader("skynet_auth_uuid", sender.uuid()).putHeader("skynet_auth_token", sender.token());
    long expected = (long) messages * fanout;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
    long t0 = System.nanoTime();
    long sent = 0;
    int window = WampScenario.window(fanout);
    for (; sent < messages && System.nanoTime() < deadline; sent++) {
      while (sent - (delivered.get() + failed.get() * fanout) / fanout >= window && System.nanoTime() < deadline) {
        LockSupport.parkNanos(20_000);
      }
      payload.put("t", System.nanoTime());
      String body = message.toString();
      if (path == Path.SOCKET_IO) {
        sender.emit("message", body);
      } else {
        http.request(post).compose(req -> req.send(Buffer.buffer(body)))
            .compose(resp -> resp.body().map(b -> resp.statusCode()))
            .onComplete(r -> { if (r.failed() || r.result() != 200) failed.incrementAndGet(); });
      }
    }
    while (delivered.get() + failed.get() * fanout < expected && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000);
    }
    long end = delivered.get() < expected ? System.nanoTime() : lastDelivery.get();
    Thread.sleep(100);
    receivers.forEach(r -> r.onMessage(m -> {}));
    Histogram all = new Histogram(3);
    hs.forEach(all::add);
    String name = path == Path.SOCKET_IO ? "socket.io message" : "HTTP POST /messages";
    return new Result(name, fanout, sent, expected, delivered.get(), failed.get(), (end - t0) / 1e9, all);
  }
}

package io.thingtank.wamp;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.wamp.wire.Serializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow-consumer protection: a RawSocket subscriber that stops reading while 64 MiB of events
 * pour in is disconnected once more than 32 MiB wait for it; the publisher and a subscriber that
 * reads go on and get everything.
 */
class SlowConsumerIT {
  static final int EVENTS = 1000;
  static final int EVENT_BYTES = 64 * 1024;

  @TempDir java.nio.file.Path dir;

  @Test
  void aPeerThatStopsReadingIsCutOffAndTheOthersGoOn() throws Exception {
    try (TestRouter r = new TestRouter(dir, true, null);
         Socket slow = new Socket();
         RawSocketClient publisher = new RawSocketClient(r.wamp.rawSocketPort());
         RawSocketClient reader = new RawSocketClient(r.wamp.rawSocketPort())) {
      // GIVEN a subscriber that will never read again, with a small receive buffer
      slow.setReceiveBufferSize(4096);
      slow.connect(new InetSocketAddress("127.0.0.1", r.wamp.rawSocketPort()), 5000);
      slow.setSoTimeout(20_000);
      DataOutputStream out = new DataOutputStream(slow.getOutputStream());
      DataInputStream in = new DataInputStream(slow.getInputStream());
      out.write(new byte[] {0x7F, (byte) 0xF2, 0, 0});
      assertThat(in.readNBytes(4)[0]).isEqualTo((byte) 0x7F);
      frame(out, List.of(1L, "realm1", Map.of("roles", Map.of("subscriber", Map.of()))));
      assertThat(message(in).get(0)).isEqualTo(2L);
      frame(out, List.of(32L, 1L, Map.of(), "com.slow.flood"));
      assertThat(message(in).get(0)).isEqualTo(33L);
      // AND one that reads everything on its own thread
      reader.send(List.of(32L, 1L, Map.of(), "com.slow.flood"));
      reader.flush();
      assertThat(reader.next().get(0)).isEqualTo(33L);
      CompletableFuture<Integer> readerGot = CompletableFuture.supplyAsync(() -> readEvents(reader));

      // WHEN 64 MiB of events are published
      byte[] payload = new byte[EVENT_BYTES];
      for (int i = 0; i < EVENTS; i++) {
        publisher.send(List.of(16L, (long) i + 1, Map.of(), "com.slow.flood", List.of(payload)));
      }
      publisher.send(List.of(16L, 0xFFFFL, Map.of("acknowledge", true), "com.slow.flood", List.of("end")));
      publisher.flush();

      // THEN the publisher is acknowledged and the reading subscriber gets every event
      assertThat(publisher.next().get(0)).isEqualTo(17L);
      assertThat(readerGot.get(60, TimeUnit.SECONDS)).isEqualTo(EVENTS);
      // AND the slow one, when it reads at last, finds its connection closed well short of 64 MiB
      long got = drainToEnd(slow.getInputStream());
      assertThat(got).isLessThan((long) EVENTS * EVENT_BYTES);
      // AND its session has left the realm (the publisher and the reader remain)
      long count = -1;
      for (int i = 0; i < 50 && count != 2; i++) {
        publisher.send(List.of(48L, 100L + i, Map.of(), "wamp.session.count", List.of()));
        publisher.flush();
        count = ((Number) ((List<?>) publisher.next().get(3)).get(0)).longValue();
        if (count != 2) Thread.sleep(100);
      }
      assertThat(count).isEqualTo(2);
    }
  }

  /** Counts EVENTs with binary payload until the "end" event (bounded by the socket's reads). */
  private static int readEvents(RawSocketClient c) {
    int n = 0;
    try {
      while (true) {
        List<Object> m = c.next();
        if (!m.get(0).equals(36L)) continue;
        if (((List<?>) m.get(4)).get(0) instanceof byte[]) n++;
        else return n;
      }
    } catch (IOException e) {
      return -n;
    }
  }

  private static void frame(DataOutputStream out, List<Object> message) throws IOException {
    byte[] b = Serializer.MSGPACK.encode(message);
    out.writeInt(b.length);
    out.write(b);
    out.flush();
  }

  private static List<Object> message(DataInputStream in) throws IOException {
    int header = in.readInt();
    return Serializer.MSGPACK.decode(in.readNBytes(header & 0xFFFFFF));
  }

  /** Bytes read until end of stream or reset; fails if the router keeps the connection open. */
  private static long drainToEnd(InputStream in) throws IOException {
    byte[] buf = new byte[1 << 16];
    long total = 0;
    try {
      for (int n; (n = in.read(buf)) >= 0; ) total += n;
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the router kept a slow consumer connected (" + total + " bytes read)");
    } catch (IOException reset) {
      return total;
    }
    return total;
  }
}

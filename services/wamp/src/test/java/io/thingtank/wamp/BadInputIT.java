package io.thingtank.wamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input at the byte level: malformed frames, unknown message types, wrong arity, bad URIs,
 * oversized messages, RawSocket handshake errors, and a randomized stream of mutated messages.
 * Each yields the spec's ABORT or ERROR; the router stays up and other sessions keep working.
 */
class BadInputIT {
  @TempDir static java.nio.file.Path dir;
  static TestRouter router;

  @BeforeAll static void start() { router = new TestRouter(dir, true, null); }

  @AfterAll static void stop() { router.close(); }

  private static void assertAbort(RawWsClient c, String reason) throws Exception {
    List<Object> m = c.next();
    assertThat(m.get(0)).isEqualTo(3L);
    assertThat(m.get(2)).isEqualTo(reason);
    assertThat(c.closedWithin(5)).isTrue();
  }

  @Test
  void malformedJsonAborts() throws Exception {
    try (RawWsClient c = new RawWsClient(router.wsUrl())) {
      c.send("[1, \"realm1\", {");
      assertAbort(c, "wamp.error.protocol_violation");
    }
    stillServes();
  }

  @Test
  void unknownMessageTypeAndWrongArityAbort() throws Exception {
    try (RawWsClient c = new RawWsClient(router.wsUrl())) {
      assertThat(c.join().get(0)).isEqualTo(2L);
      c.send("[99, 1, {}]");
      assertAbort(c, "wamp.error.protocol_violation");
    }
    try (RawWsClient c = new RawWsClient(router.wsUrl())) {
      c.send("[1, \"realm1\"]");
      assertAbort(c, "wamp.error.protocol_violation");
    }
    try (RawWsClient c = new RawWsClient(router.wsUrl())) {
      c.send("[32, 1, {}, \"topic\"]");
      assertAbort(c, "wamp.error.protocol_violation");
    }
    stillServes();
  }

  @Test
  void unknownRealmAborts() throws Exception {
    try (RawWsClient c = new RawWsClient(router.wsUrl())) {
      c.send("[1, \"no.such.realm\", {\"roles\": {\"caller\": {}}}]");
      assertAbort(c, "wamp.error.no_such_realm");
    }
  }

  @Test
  void badUrisGetErrorsAndTheSessionStays() throws Exception {
    try (RawWsClient c = new RawWsClient(router.wsUrl())) {
      c.join();
      c.send("[32, 1, {}, \"a..b\"]");
      assertThat(c.next()).containsExactly(8L, 32L, 1L, java.util.Map.of(), "wamp.error.invalid_uri",
          List.of("invalid URI 'a..b' for match 'exact'"));
      c.send("[48, 2, {}, \"has space\", []]");
      assertThat(c.next()).element(4).isEqualTo("wamp.error.invalid_uri");
      c.send("[64, 3, {}, \"wamp.session.mine\"]");
      assertThat(c.next()).element(4).isEqualTo("wamp.error.invalid_uri");
      c.send("[48, 4, {}, \"wamp.session.count\", []]");
      assertThat(c.next()).containsExactly(50L, 4L, java.util.Map.of(), List.of(1L));
    }
  }

  @Test
  void nullKwargsAreAcceptedAndNeverSent() throws Exception {
    try (RawWsClient c = new RawWsClient(router.wsUrl())) {
      c.join();
      c.send("[32, 1, {}, \"com.null\"]");
      long sub = ((Number) c.next().get(2)).longValue();
      // fox-wamp style: null kwargs (and exclude_me false so we receive our own event)
      c.send("[16, 2, {\"exclude_me\": false}, \"com.null\", [1], null]");
      List<Object> event = c.next();
      assertThat(event).hasSize(5);
      assertThat(event.get(1)).isEqualTo(sub);
      assertThat(event.get(4)).isEqualTo(List.of(1L));
    }
  }

  @Test
  void oversizedCallFailsWithPayloadSizeExceeded() throws Exception {
    try (RawWsClient c = new RawWsClient(router.wsUrl())) {
      c.join();
      String big = "x".repeat(1_100_000);
      c.send("[48, 7, {}, \"com.big\", [\"" + big + "\"]]");
      List<Object> err = c.next();
      assertThat(err.subList(0, 3)).containsExactly(8L, 48L, 7L);
      assertThat(err.get(4)).isEqualTo("wamp.error.payload_size_exceeded");
      c.send("[48, 8, {}, \"wamp.session.count\", []]");
      assertThat(c.next().get(0)).isEqualTo(50L);
    }
  }

  @Test
  void rawSocketHandshakeErrorsAndPing() throws Exception {
    try (Socket s = new Socket("127.0.0.1", router.wamp.rawSocketPort())) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(new byte[] {0x7F, (byte) 0xF9, 0, 0}); // serializer 9 does not exist
      byte[] reply = new DataInputStream(s.getInputStream()).readNBytes(4);
      assertThat(reply).containsExactly(0x7F, 0x10, 0, 0); // error 1: serializer unsupported
    }
    try (Socket s = new Socket("127.0.0.1", router.wamp.rawSocketPort())) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      DataInputStream in = new DataInputStream(s.getInputStream());
      out.write(new byte[] {0x7F, (byte) 0xF1, 0, 0}); // max length 2^24, JSON
      byte[] reply = in.readNBytes(4);
      assertThat(reply[0]).isEqualTo((byte) 0x7F);
      assertThat(reply[1] & 0x0F).isEqualTo(1);
      out.write(new byte[] {1, 0, 0, 3, 'a', 'b', 'c'}); // PING "abc"
      byte[] pong = in.readNBytes(7);
      assertThat(pong).containsExactly(2, 0, 0, 3, 'a', 'b', 'c');
      out.write(new byte[] {0x00, 0x7F, (byte) 0xFF, (byte) 0xFF}); // longer than the router's max
      assertThat(in.read()).isEqualTo(-1);
    }
    try (Socket s = new Socket("127.0.0.1", router.wamp.rawSocketPort())) {
      s.setSoTimeout(5000);
      s.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00}); // TLS, not RawSocket
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
    stillServes();
  }

  @Test
  void randomizedMutatedMessagesNeverBreakTheRouter() throws Exception {
    String[] seeds = {
        "[16, 1, {\"acknowledge\": true}, \"com.t\", [1, 2], {\"a\": 1}]",
        "[32, 2, {\"match\": \"prefix\"}, \"com.\"]",
        "[48, 3, {\"receive_progress\": true}, \"wamp.session.list\", []]",
        "[64, 4, {\"invoke\": \"roundrobin\"}, \"com.proc\"]",
        "[70, 5, {}, [1]]",
        "[49, 3, {\"mode\": \"kill\"}]",
        "[8, 68, 5, {}, \"com.err\", [], {}]"};
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      try (RawWsClient c = new RawWsClient(router.wsUrl())) {
        c.join();
        for (int i = 0; i < 20; i++) {
          try {
            c.send(mutate(seeds[random.nextInt(seeds.length)], random));
          } catch (java.util.concurrent.ExecutionException closedByRouter) {
            break; // the router aborted this session (protocol violation): expected for some mutations
          }
        }
      }
    }
    stillServes();
  }

  private static final String ALPHABET = "[]{}\",:0123456789-.e nulltruefalse\u0000\u00ff";

  private static String mutate(String s, Random r) {
    char[] c = s.toCharArray();
    int edits = 1 + r.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = r.nextInt(c.length);
      c[at] = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
    }
    return new String(c);
  }

  /** A fresh session still joins and gets answers. */
  private static void stillServes() throws Exception {
    try (RawWsClient c = new RawWsClient(router.wsUrl())) {
      assertThat(c.join().get(0)).isEqualTo(2L);
      c.send("[48, 1, {}, \"wamp.session.count\", []]");
      assertThat(c.next().get(0)).isEqualTo(50L);
    }
  }
}

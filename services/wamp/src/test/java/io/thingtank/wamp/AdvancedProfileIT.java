package io.thingtank.wamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Advanced Profile features that Autobahn 22 does not drive, checked message by message
 * with a raw JSON client: cancel modes, progressive call invocations, shared registration
 * policies, testaments, revocation, session kill and payload passthru.
 */
class AdvancedProfileIT {
  @TempDir static java.nio.file.Path dir;
  static TestRouter router;

  @BeforeAll static void start() { router = new TestRouter(dir, true, null); }

  @AfterAll static void stop() { router.close(); }

  private static long id(List<Object> m, int i) { return ((Number) m.get(i)).longValue(); }

  @Test
  void cancelModesSkipKillAndKillNoWait() throws Exception {
    try (RawWsClient callee = new RawWsClient(router.wsUrl()); RawWsClient caller = new RawWsClient(router.wsUrl())) {
      callee.join();
      caller.join();
      assertThat(callee.request("[64, 1, {}, \"com.adv.slow\"]").get(0)).isEqualTo(65L);
      // skip: the caller gets canceled at once, the callee hears nothing
      caller.send("[48, 1, {}, \"com.adv.slow\", []]");
      long inv1 = id(callee.next(), 1);
      assertThat(caller.request("[49, 1, {\"mode\": \"skip\"}]")).element(4).isEqualTo("wamp.error.canceled");
      assertThat(callee.silentFor(200)).isTrue();
      callee.send("[70, " + inv1 + ", {}, [\"late\"]]");
      assertThat(caller.silentFor(200)).isTrue();
      // kill: INTERRUPT to the callee, whose ERROR reaches the caller
      caller.send("[48, 2, {}, \"com.adv.slow\", []]");
      long inv2 = id(callee.next(), 1);
      caller.send("[49, 2, {\"mode\": \"kill\"}]");
      assertThat(callee.next()).containsExactly(69L, inv2, Map.of("mode", "kill"));
      callee.send("[8, 68, " + inv2 + ", {}, \"wamp.error.canceled\", [\"stopped\"]]");
      assertThat(caller.next()).containsExactly(8L, 48L, 2L, Map.of(), "wamp.error.canceled", List.of("stopped"));
      // killnowait: INTERRUPT and an immediate canceled error
      caller.send("[48, 3, {}, \"com.adv.slow\", []]");
      long inv3 = id(callee.next(), 1);
      assertThat(caller.request("[49, 3, {\"mode\": \"killnowait\"}]")).element(4).isEqualTo("wamp.error.canceled");
      assertThat(callee.next()).containsExactly(69L, inv3, Map.of("mode", "killnowait"));
    }
  }

  @Test
  void progressiveCallInvocationsAndResults() throws Exception {
    try (RawWsClient callee = new RawWsClient(router.wsUrl()); RawWsClient caller = new RawWsClient(router.wsUrl())) {
      callee.join();
      caller.join();
      callee.request("[64, 1, {}, \"com.adv.stream\"]");
      caller.send("[48, 9, {\"progress\": true, \"receive_progress\": true}, \"com.adv.stream\", [1]]");
      List<Object> first = callee.next();
      @SuppressWarnings("unchecked") Map<String, Object> details = (Map<String, Object>) first.get(3);
      assertThat(details).containsEntry("progress", true).containsEntry("receive_progress", true);
      caller.send("[48, 9, {\"progress\": false}, \"com.adv.stream\", [2]]");
      List<Object> second = callee.next();
      assertThat(second.get(1)).isEqualTo(first.get(1));
      assertThat(second.get(4)).isEqualTo(List.of(2L));
      callee.send("[70, " + first.get(1) + ", {\"progress\": true}, [\"partial\"]]");
      assertThat(caller.next()).containsExactly(50L, 9L, Map.of("progress", true), List.of("partial"));
      callee.send("[70, " + first.get(1) + ", {}, [\"final\"]]");
      assertThat(caller.next()).containsExactly(50L, 9L, Map.of(), List.of("final"));
    }
  }

  @Test
  void sharedRegistrationFirstAndLast() throws Exception {
    try (RawWsClient a = new RawWsClient(router.wsUrl()); RawWsClient b = new RawWsClient(router.wsUrl());
         RawWsClient caller = new RawWsClient(router.wsUrl())) {
      a.join();
      b.join();
      caller.join();
      a.request("[64, 1, {\"invoke\": \"last\"}, \"com.adv.last\"]");
      b.request("[64, 1, {\"invoke\": \"last\"}, \"com.adv.last\"]");
      caller.send("[48, 1, {}, \"com.adv.last\", []]");
      assertThat(b.next().get(0)).isEqualTo(68L);
      assertThat(a.silentFor(200)).isTrue();
      a.request("[64, 2, {\"invoke\": \"first\"}, \"com.adv.first\"]");
      b.request("[64, 2, {\"invoke\": \"first\"}, \"com.adv.first\"]");
      caller.send("[48, 2, {}, \"com.adv.first\", []]");
      assertThat(a.next().get(0)).isEqualTo(68L);
      assertThat(b.silentFor(200)).isTrue();
    }
  }

  @Test
  void testamentIsPublishedWhenTheSessionGoes() throws Exception {
    try (RawWsClient watcher = new RawWsClient(router.wsUrl())) {
      watcher.join();
      long sub = id(watcher.request("[32, 1, {}, \"com.adv.gone\"]"), 2);
      try (RawWsClient dying = new RawWsClient(router.wsUrl())) {
        dying.join();
        assertThat(dying.request("[48, 1, {}, \"wamp.session.add_testament\", [\"com.adv.gone\", [\"bye\"], {}]]")
            .get(0)).isEqualTo(50L);
      }
      List<Object> event = watcher.next();
      assertThat(event.get(1)).isEqualTo(sub);
      assertThat(event.get(4)).isEqualTo(List.of("bye"));
    }
  }

  @Test
  void revocationAndKillFromTheMetaApi() throws Exception {
    try (RawWsClient admin = new RawWsClient(router.wsUrl()); RawWsClient victim = new RawWsClient(router.wsUrl())) {
      admin.join();
      long victimId = victim.joinedSession();
      long sub = id(victim.request("[32, 1, {}, \"com.adv.rev\"]"), 2);
      long reg = id(victim.request("[64, 2, {}, \"com.adv.rev\"]"), 2);
      admin.request("[48, 1, {}, \"wamp.subscription.remove_subscriber\", [" + sub + ", " + victimId + "]]");
      assertThat(victim.next()).containsExactly(35L, 0L, Map.of("subscription", sub));
      admin.request("[48, 2, {}, \"wamp.registration.remove_callee\", [" + reg + ", " + victimId + "]]");
      assertThat(victim.next()).containsExactly(67L, 0L, Map.of("registration", reg));
      assertThat(admin.request("[48, 3, {}, \"wamp.session.kill\", [" + victimId + "], {\"message\": \"out\"}]")
          .get(0)).isEqualTo(50L);
      assertThat(victim.next()).containsExactly(6L, Map.of("message", "out"), "wamp.close.killed");
      assertThat(admin.request("[48, 4, {}, \"wamp.session.get\", [" + victimId + "]]"))
          .element(4).isEqualTo("wamp.error.no_such_session");
    }
  }

  @Test
  void payloadPassthruOptionsAndPayloadAreForwarded() throws Exception {
    try (RawWsClient sub = new RawWsClient(router.wsUrl()); RawWsClient pub = new RawWsClient(router.wsUrl())) {
      sub.join();
      pub.join();
      sub.request("[32, 1, {}, \"com.adv.ppt\"]");
      pub.send("[16, 1, {\"ppt_scheme\": \"mqtt\", \"ppt_serializer\": \"native\"}, \"com.adv.ppt\", [\"\\u0000AQI=\"]]");
      List<Object> event = sub.next();
      @SuppressWarnings("unchecked") Map<String, Object> details = (Map<String, Object>) event.get(3);
      assertThat(details).containsEntry("ppt_scheme", "mqtt").containsEntry("ppt_serializer", "native");
      // the binary payload (JSON: \0 + Base64) comes back unchanged; our test decoder turns it into bytes
      assertThat((byte[]) ((List<?>) event.get(4)).get(0)).containsExactly(1, 2);
    }
  }

  @Test
  void metaEventsKillByAuthidAndFlushTestaments() throws Exception {
    try (RawWsClient watcher = new RawWsClient(router.wsUrl())) {
      watcher.join();
      watcher.request("[32, 1, {}, \"wamp.subscription.on_subscribe\"]");
      watcher.request("[32, 2, {}, \"wamp.session.on_leave\"]");
      RawWsClient other = new RawWsClient(router.wsUrl());
      String hello = "[1, \"realm1\", {\"authid\": \"meter-7\", \"roles\": {\"subscriber\": {}, \"caller\": {}}}]";
      long otherId = id(other.request(hello), 1);
      long sub = id(other.request("[32, 1, {}, \"com.adv.meta\"]"), 2);
      assertThat(eventAbout(watcher, otherId).get(4)).isEqualTo(List.of(otherId, sub));
      // a testament that is flushed is not published
      other.request("[48, 2, {}, \"wamp.session.add_testament\", [\"com.adv.meta\", [\"x\"], {}]]");
      assertThat(other.request("[48, 3, {}, \"wamp.session.flush_testaments\", []]").get(3)).isEqualTo(List.of(1L));
      watcher.send("[48, 3, {}, \"wamp.session.kill_by_authid\", [\"meter-7\"]]");
      // on_leave is published while the kill runs, so it arrives before the RESULT
      assertThat(eventAbout(watcher, otherId).get(4)).isEqualTo(List.of(otherId, "meter-7", "anonymous"));
      List<Object> killed = watcher.next();
      while (!killed.get(0).equals(50L)) killed = watcher.next(); // skip meta events of other tests' sessions
      assertThat(killed.get(3)).isEqualTo(List.of(List.of(otherId)));
      assertThat(other.next()).element(2).isEqualTo("wamp.close.killed");
      other.close();
    }
  }

  /** The next EVENT whose first argument is {@code session} (meta events of other sessions are skipped). */
  private static List<Object> eventAbout(RawWsClient c, long session) throws Exception {
    for (int i = 0; i < 50; i++) {
      List<Object> m = c.next();
      if (m.get(0).equals(36L) && m.size() > 4 && ((List<?>) m.get(4)).get(0).equals(session)) return m;
    }
    throw new AssertionError("no event about session " + session);
  }

  @Test
  void randomPolicyReachesEveryCallee() throws Exception {
    try (RawWsClient a = new RawWsClient(router.wsUrl()); RawWsClient b = new RawWsClient(router.wsUrl());
         RawWsClient caller = new RawWsClient(router.wsUrl())) {
      a.join();
      b.join();
      caller.join();
      a.request("[64, 1, {\"invoke\": \"random\"}, \"com.adv.random\"]");
      b.request("[64, 1, {\"invoke\": \"random\"}, \"com.adv.random\"]");
      for (int i = 1; i <= 40; i++) caller.send("[48, " + i + ", {}, \"com.adv.random\", []]");
      int atA = 0;
      while (!a.silentFor(1000)) {
        a.next();
        atA++;
      }
      assertThat(atA).isBetween(1, 39); // all 40 on one callee: probability 2^-39
    }
  }

  @Test
  void bannerNamesTheEndpointsAndWhatAnonymousMay() {
    assertThat(router.wamp.endpoints()).anyMatch(l -> l.contains(router.wsUrl()))
        .anyMatch(l -> l.contains("rs://127.0.0.1:" + router.wamp.rawSocketPort()))
        .anyMatch(l -> l.contains("anonymous has FULL permissions (--dev)"));
  }
}

package io.thingtank.wamp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wamp.session.kill_by_authrole} (session meta API): every session of the role except the
 * caller gets GOODBYE with the given reason and message, the count comes back, and sessions of
 * other roles stay.
 */
class KillByAuthroleIT {
  static final String CONFIG = """
      {"realms": [{"name": "realm1", "roles": [
          {"name": "admin", "permissions": [{"uri": "wamp.", "match": "prefix",
           "allow": {"call": true, "register": false, "publish": false, "subscribe": true}}]},
          {"name": "device", "permissions": [{"uri": "com.dev.", "match": "prefix",
           "allow": {"call": true, "register": false, "publish": true, "subscribe": true}}]}]}],
       "auth": {"ticket": {"principals": {
          "ops": {"ticket": "ops-ticket", "role": "admin"},
          "d1": {"ticket": "d1-ticket", "role": "device"},
          "d2": {"ticket": "d2-ticket", "role": "device"}}}}}
      """;

  @TempDir java.nio.file.Path dir;

  /** Joins with WAMP-Ticket (HELLO, CHALLENGE, AUTHENTICATE, WELCOME); returns the WELCOME. */
  private static List<Object> joinWithTicket(RawWsClient c, String authid, String ticket) throws Exception {
    List<Object> challenge = c.request("[1, \"realm1\", {\"authmethods\": [\"ticket\"], \"authid\": \"" + authid
        + "\", \"roles\": {\"caller\": {}, \"subscriber\": {}, \"publisher\": {}}}]");
    assertThat(challenge).element(0).isEqualTo(4L);
    return c.request("[5, \"" + ticket + "\", {}]");
  }

  @Test
  void killsEverySessionOfTheRoleButTheCaller() throws Exception {
    try (TestRouter r = new TestRouter(dir, false, new ObjectMapper().readTree(CONFIG));
         RawWsClient admin = new RawWsClient(r.wsUrl()); RawWsClient otherAdmin = new RawWsClient(r.wsUrl());
         RawWsClient d1 = new RawWsClient(r.wsUrl()); RawWsClient d2 = new RawWsClient(r.wsUrl())) {
      // GIVEN two admin sessions and two device sessions
      assertThat(joinWithTicket(admin, "ops", "ops-ticket")).element(0).isEqualTo(2L);
      assertThat(joinWithTicket(otherAdmin, "ops", "ops-ticket")).element(0).isEqualTo(2L);
      assertThat(joinWithTicket(d1, "d1", "d1-ticket").get(2)).isInstanceOfSatisfying(Map.class,
          d -> assertThat(d.get("authrole")).isEqualTo("device"));
      assertThat(joinWithTicket(d2, "d2", "d2-ticket")).element(0).isEqualTo(2L);
      // WHEN an admin kills the role "device" with a reason and a message
      List<Object> result = admin.request("[48, 1, {}, \"wamp.session.kill_by_authrole\", [\"device\"],"
          + " {\"reason\": \"wamp.close.maintenance\", \"message\": \"firmware update\"}]");
      // THEN both devices got GOODBYE with them and the caller the count
      assertThat(result).containsExactly(50L, 1L, Map.of(), List.of(2L));
      for (RawWsClient d : List.of(d1, d2)) {
        assertThat(d.next()).containsExactly(6L, Map.of("message", "firmware update"), "wamp.close.maintenance");
      }
      // AND the admins stay: the realm now counts just them, and killing a role nobody has kills none
      assertThat(otherAdmin.request("[48, 2, {}, \"wamp.session.count\", []]")).element(3).isEqualTo(List.of(2L));
      assertThat(admin.request("[48, 3, {}, \"wamp.session.kill_by_authrole\", [\"nobody\"]]"))
          .element(3).isEqualTo(List.of(0L));
      d1.send("[48, 4, {}, \"wamp.session.count\", []]");
      assertThat(d1.silentFor(300)).as("a killed session may only say GOODBYE").isTrue();
    }
  }
}

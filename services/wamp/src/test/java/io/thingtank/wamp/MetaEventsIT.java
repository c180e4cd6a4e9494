package io.thingtank.wamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every subscription and registration meta event (WAMP subscription_meta_api and
 * registration_meta_api: on_create, on_subscribe/on_register, on_unsubscribe/on_unregister,
 * on_delete), in order and with their arguments, as another session subscribes, registers and
 * undoes both.
 */
class MetaEventsIT {
  private static final List<String> TOPICS = List.of("wamp.subscription.on_create", "wamp.subscription.on_subscribe",
      "wamp.subscription.on_unsubscribe", "wamp.subscription.on_delete", "wamp.registration.on_create",
      "wamp.registration.on_register", "wamp.registration.on_unregister", "wamp.registration.on_delete");

  @TempDir java.nio.file.Path dir;

  private static long id(List<Object> m, int i) { return ((Number) m.get(i)).longValue(); }

  @Test
  void subscriptionAndRegistrationLifecyclesArePublished() throws Exception {
    try (TestRouter r = new TestRouter(dir, true, null);
         RawWsClient watcher = new RawWsClient(r.wsUrl()); RawWsClient other = new RawWsClient(r.wsUrl())) {
      // GIVEN a watcher subscribed to every meta topic (by subscription id)
      watcher.join();
      Map<Long, String> topicOf = new HashMap<>();
      for (int i = 0; i < TOPICS.size(); i++) {
        List<Object> subscribed = watcher.request("[32, " + (i + 1) + ", {}, \"" + TOPICS.get(i) + "\"]");
        topicOf.put(id(subscribed, 2), TOPICS.get(i));
      }
      long o = other.joinedSession();
      // WHEN another session subscribes, unsubscribes, registers and unregisters
      long sub = id(other.request("[32, 1, {\"match\": \"prefix\"}, \"com.meta.\"]"), 2);
      other.request("[34, 2, " + sub + "]");
      long reg = id(other.request("[64, 3, {}, \"com.meta.proc\"]"), 2);
      other.request("[66, 4, " + reg + "]");
      // THEN the watcher gets the eight events in that order
      List<Object> created = next(watcher, topicOf, "wamp.subscription.on_create");
      assertThat(created.get(0)).isEqualTo(o);
      assertThat(asMap(created.get(1))).containsEntry("id", sub).containsEntry("uri", "com.meta.")
          .containsEntry("match", "prefix").containsKey("created");
      assertThat(next(watcher, topicOf, "wamp.subscription.on_subscribe")).containsExactly(o, sub);
      assertThat(next(watcher, topicOf, "wamp.subscription.on_unsubscribe")).containsExactly(o, sub);
      assertThat(next(watcher, topicOf, "wamp.subscription.on_delete")).containsExactly(o, sub);
      List<Object> regCreated = next(watcher, topicOf, "wamp.registration.on_create");
      assertThat(regCreated.get(0)).isEqualTo(o);
      assertThat(asMap(regCreated.get(1))).containsEntry("id", reg).containsEntry("uri", "com.meta.proc");
      assertThat(next(watcher, topicOf, "wamp.registration.on_register")).containsExactly(o, reg);
      assertThat(next(watcher, topicOf, "wamp.registration.on_unregister")).containsExactly(o, reg);
      assertThat(next(watcher, topicOf, "wamp.registration.on_delete")).containsExactly(o, reg);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) { return (Map<String, Object>) o; }

  /** The args of the next EVENT, which must be on {@code topic}. */
  @SuppressWarnings("unchecked")
  private static List<Object> next(RawWsClient c, Map<Long, String> topicOf, String topic) throws Exception {
    List<Object> m = c.next();
    assertThat(m.get(0)).isEqualTo(36L);
    assertThat(topicOf.get(id(m, 1))).isEqualTo(topic);
    return (List<Object>) m.get(4);
  }
}

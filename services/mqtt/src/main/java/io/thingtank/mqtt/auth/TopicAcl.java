package io.thingtank.mqtt.auth;

import io.thingtank.mqtt.broker.Topics;
import java.util.List;

/**
 * Per-principal topic permissions. The config form is two lists of topic patterns (MQTT
 * filters, {@code %u} = user name, {@code %c} = client id); a publish is allowed if its topic
 * matches a publish pattern, a subscription if every topic of its filter is covered by a
 * subscribe pattern. Immutable; thread-safe.
 */
public interface TopicAcl {
  boolean mayPublish(String clientId, String topic);

  boolean maySubscribe(String clientId, String filter);

  TopicAcl ALL = new TopicAcl() {
    @Override public boolean mayPublish(String clientId, String topic) { return true; }

    @Override public boolean maySubscribe(String clientId, String filter) { return true; }
  };

  TopicAcl NONE = new TopicAcl() {
    @Override public boolean mayPublish(String clientId, String topic) { return false; }

    @Override public boolean maySubscribe(String clientId, String filter) { return false; }
  };

  /** An ACL from pattern lists. */
  static TopicAcl of(String user, List<String> publish, List<String> subscribe) {
    return new TopicAcl() {
      @Override
      public boolean mayPublish(String clientId, String topic) {
        for (String p : publish) if (Topics.matches(expand(p, user, clientId), topic)) return true;
        return false;
      }

      @Override
      public boolean maySubscribe(String clientId, String filter) {
        for (String p : subscribe) if (Topics.covers(expand(p, user, clientId), filter)) return true;
        return false;
      }
    };
  }

  private static String expand(String pattern, String user, String clientId) {
    return pattern.replace("%u", user == null ? "" : user).replace("%c", clientId);
  }
}

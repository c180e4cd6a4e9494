package io.thingtank.mqtt.protocol;

import java.util.HashMap;
import java.util.Map;

/**
 * Server-to-client topic aliases of one MQTT 5 connection (§3.3.2.3.4): at most the client's
 * Topic Alias Maximum (§3.1.2.11.5), assigned to topics in the order they are first sent and
 * never reassigned. The first PUBLISH on a topic carries the topic and its new alias, later ones
 * the alias and an empty topic. The caller holds this object's monitor from {@link #use} until the
 * packet is queued on the transport, so the assignment always goes out first. Thread-safe under
 * that rule.
 */
final class OutboundTopicAliases {
  private final int maximum;
  private final Map<String, Integer> byTopic = new HashMap<>();

  /** What to put in one PUBLISH: the topic name ("" when the alias alone names it) and the alias (0: none). */
  record Use(String topicName, int alias) {}

  OutboundTopicAliases(int maximum) { this.maximum = maximum; }

  Use use(String topic) {
    Integer alias = byTopic.get(topic);
    if (alias != null) return new Use("", alias);
    if (byTopic.size() >= maximum) return new Use(topic, 0);
    int assigned = byTopic.size() + 1;
    byTopic.put(topic, assigned);
    return new Use(topic, assigned);
  }
}

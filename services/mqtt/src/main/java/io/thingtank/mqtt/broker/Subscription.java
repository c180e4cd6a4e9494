package io.thingtank.mqtt.broker;

/**
 * One subscription of a session (MQTT 5 §3.8.3.1 subscription options).
 *
 * @param clientId          the subscribing session
 * @param filter            the topic filter without any {@code $share/<group>/} prefix
 * @param shareGroup        the shared subscription group name, or null (§4.8.2)
 * @param qos               maximum QoS granted
 * @param noLocal           do not deliver the session's own publications
 * @param retainAsPublished keep the RETAIN flag when forwarding
 * @param retainHandling    0 send retained at subscribe, 1 only if new, 2 never
 * @param identifier        subscription identifier (§3.8.2.1.2), 0 if none
 */
public record Subscription(String clientId, String filter, String shareGroup, int qos, boolean noLocal,
    boolean retainAsPublished, int retainHandling, int identifier) {

  /** The filter as the client wrote it, which is the key of the subscription in its session. */
  public String fullFilter() {
    return shareGroup == null ? filter : "$share/" + shareGroup + "/" + filter;
  }
}

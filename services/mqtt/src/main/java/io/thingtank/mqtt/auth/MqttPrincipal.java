package io.thingtank.mqtt.auth;

/**
 * An authenticated MQTT client and what it may do.
 *
 * @param name the user name (or device uuid); "anonymous" when none
 */
public record MqttPrincipal(String name, TopicAcl acl) {
  public static MqttPrincipal anonymous(TopicAcl acl) { return new MqttPrincipal("anonymous", acl); }
}

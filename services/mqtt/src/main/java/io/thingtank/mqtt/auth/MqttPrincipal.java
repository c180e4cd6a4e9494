package io.thingtank.mqtt.auth;

/**
 * An authenticated MQTT client and what it may do.
 *
 * @param name    the user name (or device uuid); "anonymous" when none
 * @param gateway when not null, the client's publications and subscriptions go to the gateway
 *                it opens instead of the broker's topic tree (SkyNet devices); {@code acl} then
 *                only decides about a will
 */
public record MqttPrincipal(String name, TopicAcl acl, ClientGateway.Factory gateway) {
  public MqttPrincipal(String name, TopicAcl acl) { this(name, acl, null); }

  public static MqttPrincipal anonymous(TopicAcl acl) { return new MqttPrincipal("anonymous", acl); }
}

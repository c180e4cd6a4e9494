package io.thingtank.mqtt.store;

/**
 * A QoS 2 PUBLISH received from a persistent session, routed and answered with PUBREC, whose
 * PUBREL has not come yet (MQTT 5 §4.3.3). Stored so that a duplicate PUBLISH after a broker
 * restart is still recognised and not routed twice.
 */
public record InboundQos2(String clientId, int packetId) {}

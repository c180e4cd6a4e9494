package io.thingtank.mqtt.store;

/**
 * A filter a {@link io.thingtank.mqtt.auth.ClientGateway} granted to a persistent session (a
 * SkyNet device's own uuid or {@code <uuid>_bc}): kept so that the session reopens it when it
 * resumes, outside the broker's topic tree.
 */
public record GatewayFilter(String clientId, String filter, int qos) {}

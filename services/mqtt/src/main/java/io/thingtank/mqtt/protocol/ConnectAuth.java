package io.thingtank.mqtt.protocol;

import io.thingtank.mqtt.auth.MqttAuthenticator.MqttCredentials;
import io.thingtank.mqtt.auth.MqttPrincipal;
import io.vertx.core.Future;

/**
 * Decides who a CONNECT is (the module chains the provided authenticators, config users and
 * anonymous access). Fails with a {@link SecurityException} for bad credentials (CONNACK 0x86 /
 * 3.1.1 code 4) and with any other exception when the client is not authorized (0x87 / 5).
 * Called on the connection's event loop; must not block it.
 */
@FunctionalInterface
public interface ConnectAuth {
  Future<MqttPrincipal> authenticate(MqttCredentials credentials);
}

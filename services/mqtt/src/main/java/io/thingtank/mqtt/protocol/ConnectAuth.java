package io.thingtank.mqtt.protocol;

import io.thingtank.mqtt.auth.MqttAuthenticator.MqttCredentials;
import io.thingtank.mqtt.auth.EnhancedAuthentication;
import io.thingtank.mqtt.auth.MqttPrincipal;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * Decides who a CONNECT is (the module chains the provided authenticators, config users and
 * anonymous access). Fails with a {@link SecurityException} for bad credentials (CONNACK 0x86 /
 * 3.1.1 code 4) and with any other exception when the client is not authorized (0x87 / 5).
 * Called on the connection's event loop; must not block it.
 */
public interface ConnectAuth {
  Future<MqttPrincipal> authenticate(MqttCredentials credentials);

  /** A new exchange of the MQTT 5 enhanced authentication {@code method} (§4.12), if it is offered. */
  Optional<EnhancedAuthentication> enhanced(String method);
}

package io.thingtank.mqtt.auth;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Checks the credentials of a CONNECT (MQTT 5 §3.1.3.5, §3.1.3.6). Another module (the device
 * hub: device uuid + token) offers one with {@code platform.provide(MqttAuthenticator.class, a)};
 * the broker asks it first and falls back to the users of the {@code mqtt} config section.
 * May be called from any event loop; must not block it.
 */
public interface MqttAuthenticator {
  /**
   * The principal these credentials prove, or empty when this authenticator does not know the
   * user name (the next one is asked). A known user with a wrong password fails the future.
   */
  Future<Optional<MqttPrincipal>> authenticate(MqttCredentials credentials);

  /** What CONNECT carried; {@code username} and {@code password} may be null. */
  record MqttCredentials(String clientId, String username, byte[] password) {}
}

package io.thingtank.mqtt.auth;

/**
 * One MQTT 5 enhanced authentication exchange (§4.12): the server's side of a challenge /
 * response method, fed the Authentication Data of CONNECT and of each AUTH packet. Confined to
 * the connection's event loop.
 */
public interface EnhancedAuthentication {
  /** The Authentication Method (§3.1.2.11.9) this exchange speaks. */
  String method();

  /**
   * Takes the client's next data. Answers the server's data and, when the client is
   * authenticated, its principal (else null: the exchange continues, AUTH 0x18). Throws a
   * {@link SecurityException} when authentication fails.
   */
  Step step(byte[] clientData);

  record Step(byte[] serverData, MqttPrincipal principal) {}
}

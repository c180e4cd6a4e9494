package io.thingtank.mqtt.auth;

import io.thingtank.mqtt.MqttSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;

/**
 * Authenticates against the users of the {@code mqtt} config section; PBKDF2 runs on a worker
 * thread since it takes milliseconds by design. Thread-safe.
 */
public final class ConfigAuthenticator implements MqttAuthenticator {
  private final Vertx vertx;
  private final MqttSettings settings;

  public ConfigAuthenticator(Vertx vertx, MqttSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
  }

  /** SCRAM-SHA-256 against the config users (MQTT 5 enhanced authentication); other methods: empty. */
  public Optional<EnhancedAuthentication> enhanced(String method) {
    if (!ScramSha256.METHOD.equals(method)) return Optional.empty();
    return Optional.of(new ScramSha256(name -> {
      MqttSettings.User user = settings.users().get(name);
      PasswordHash.Salted salted = user == null ? null : PasswordHash.parse(user.passwordHash());
      return salted == null ? null : new ScramSha256.User(salted,
          new MqttPrincipal(user.name(), TopicAcl.of(user.name(), user.publish(), user.subscribe())));
    }));
  }

  @Override
  public Future<Optional<MqttPrincipal>> authenticate(MqttCredentials c) {
    if (c.username() == null) return Future.succeededFuture(Optional.empty());
    MqttSettings.User user = settings.users().get(c.username());
    if (user == null) return Future.succeededFuture(Optional.empty());
    if (c.password() == null) return Future.failedFuture(new SecurityException("password required"));
    return vertx.executeBlocking(() -> {
      if (!PasswordHash.verify(c.password(), user.passwordHash())) {
        throw new SecurityException("bad user name or password");
      }
      return Optional.of(new MqttPrincipal(user.name(),
          TopicAcl.of(user.name(), user.publish(), user.subscribe())));
    }, false);
  }
}

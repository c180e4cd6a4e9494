package io.thingtank.mqtt.skynet;

import io.thingtank.devices.DeviceHub;
import io.thingtank.devices.hub.HubException;
import io.thingtank.mqtt.auth.MqttAuthenticator;
import io.thingtank.mqtt.auth.MqttPrincipal;
import io.thingtank.mqtt.auth.TopicAcl;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SkyNet's MQTT login (meshblu 2014 {@code lib/mqttServer.js} {@code authenticate}): user name
 * = device uuid, password = its token, checked by {@link DeviceHub#authenticate}; a device gets a
 * {@link DeviceGateway} instead of broker topics. User name {@code skynet} with the configured
 * {@code skynetPass} is the super-user ({@link SuperUserGateway}); without a configured
 * password there is no super-user. A uuid-shaped user name with a wrong token, or
 * {@code skynet} with a wrong password, is refused here (bad credentials); other unknown names
 * are left to the next authenticator. Called on the connecting connection's event loop.
 */
public final class SkynetAuthenticator implements MqttAuthenticator {
  private static final Pattern UUID_SHAPE =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  static final String SUPER_USER = "skynet";

  private final DeviceHub hub;
  private final byte[] skynetPass;
  private final SkynetTaps taps = new SkynetTaps();

  /** @param skynetPass the super-user's password, or null for no super-user */
  public SkynetAuthenticator(DeviceHub hub, String skynetPass) {
    this.hub = hub;
    this.skynetPass = skynetPass == null || skynetPass.isEmpty() ? null : skynetPass.getBytes(StandardCharsets.UTF_8);
  }

  static boolean uuidShaped(String s) { return UUID_SHAPE.matcher(s).matches(); }

  @Override
  public Future<Optional<MqttPrincipal>> authenticate(MqttCredentials c) {
    if (c.username() == null || c.password() == null) return Future.succeededFuture(Optional.empty());
    String uuid = c.username();
    if (skynetPass != null && uuid.equals(SUPER_USER)) {
      return MessageDigest.isEqual(skynetPass, c.password())
          ? Future.succeededFuture(Optional.of(new MqttPrincipal(SUPER_USER, TopicAcl.NONE,
              outbox -> new SuperUserGateway(hub, taps, outbox))))
          : Future.failedFuture(new SecurityException("wrong skynet password"));
    }
    return hub.authenticate(uuid, new String(c.password(), StandardCharsets.UTF_8))
        .map(device -> Optional.of(new MqttPrincipal(uuid, TopicAcl.NONE,
            outbox -> new DeviceGateway(hub, device, outbox, taps))))
        .recover(e -> {
          if (!(e instanceof HubException h) || h.code() != 401) return Future.failedFuture(e);
          return uuidShaped(uuid) ? Future.failedFuture(new SecurityException("wrong device token"))
              : Future.succeededFuture(Optional.empty());
        });
  }
}

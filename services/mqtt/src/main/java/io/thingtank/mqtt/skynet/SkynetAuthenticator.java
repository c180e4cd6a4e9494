package io.thingtank.mqtt.skynet;

import io.thingtank.devices.DeviceHub;
import io.thingtank.devices.hub.HubException;
import io.thingtank.mqtt.auth.MqttAuthenticator;
import io.thingtank.mqtt.auth.MqttPrincipal;
import io.thingtank.mqtt.auth.TopicAcl;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SkyNet's MQTT login (meshblu 2014 {@code lib/mqttServer.js} {@code authenticate}): user name
 * = device uuid, password = its token, checked by {@link DeviceHub#authenticate}. A device gets
 * a {@link DeviceGateway} instead of broker topics. A uuid-shaped user name with a wrong token
 * is refused here (bad credentials); other unknown names are left to the next authenticator.
 * Called on the connecting connection's event loop.
 */
public final class SkynetAuthenticator implements MqttAuthenticator {
  private static final Pattern UUID_SHAPE =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final DeviceHub hub;

  public SkynetAuthenticator(DeviceHub hub) { this.hub = hub; }

  @Override
  public Future<Optional<MqttPrincipal>> authenticate(MqttCredentials c) {
    if (c.username() == null || c.password() == null) return Future.succeededFuture(Optional.empty());
    String uuid = c.username();
    boolean uuidShaped = UUID_SHAPE.matcher(uuid).matches();
    return hub.authenticate(uuid, new String(c.password(), StandardCharsets.UTF_8))
        .map(device -> Optional.of(new MqttPrincipal(uuid, TopicAcl.NONE,
            outbox -> new DeviceGateway(hub, device, outbox))))
        .recover(e -> {
          if (!(e instanceof HubException h) || h.code() != 401) return Future.failedFuture(e);
          return uuidShaped ? Future.failedFuture(new SecurityException("wrong device token"))
              : Future.succeededFuture(Optional.empty());
        });
  }
}

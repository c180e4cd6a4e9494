package io.thingtank.devices.coap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.auth.Permissions;
import io.thingtank.devices.hub.Channel;
import io.thingtank.devices.hub.DeviceJson;
import io.thingtank.devices.hub.Hub;
import io.thingtank.devices.hub.HubException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;

/**
 * {@code /subscribe/<uuid>} and {@code /subscribe/<uuid>/broadcast} (its broadcasts),
 * {@code /subscribe/<uuid>/received} (messages to it) and {@code /subscribe/<uuid>/sent}
 * (messages from it): an observable resource (RFC 7641) whose representation is the latest
 * message; every new one notifies the observers. Each GET, including the ones Californium makes
 * for notifications, checks the requester's token and permission (receive for broadcasts,
 * receiveAs for the private feeds, as {@code Messenger.subscribe}). Thread-safe.
 */
final class FeedResource extends CoapResource {
  private final Hub hub;
  private final Context context;
  private final String uuid;
  private final Channel channel;
  private volatile ObjectNode latest = DeviceJson.object();
  private final Map<String, FeedResource> children = new ConcurrentHashMap<>();

  /** {@code name} is the uuid for the device's root feed, else the channel's wire name. */
  FeedResource(String name, String uuid, Channel channel, Hub hub, Context context) {
    super(name);
    this.uuid = uuid;
    this.channel = channel;
    this.hub = hub;
    this.context = context;
    setObservable(true);
    setObserveType(Type.CON);
    hub.messenger().listen(uuid, EnumSet.of(channel), d -> {
      latest = d.body();
      changed();
    });
  }

  /** Only the root feed has children: {@code broadcast}, {@code received}, {@code sent}. */
  @Override
  public Resource getChild(String name) {
    if (!getName().equals(uuid)) return null;
    Channel wanted = switch (name) {
      case "broadcast" -> Channel.BROADCAST;
      case "received" -> Channel.RECEIVED;
      case "sent" -> Channel.SENT;
      default -> null;
    };
    return wanted == null ? null : children.computeIfAbsent(name, n -> new FeedResource(n, uuid, wanted, hub, context));
  }

  @Override
  public void handleGET(CoapExchange ex) {
    CoapCall call = new CoapCall(ex);
    ObjectNode snapshot = latest;
    context.runOnContext(v -> {
      String[] cred = call.credentials();
      hub.authenticate(cred[0], cred[1]).compose(me -> hub.require(uuid).compose(to -> {
        boolean ok = channel == Channel.BROADCAST ? Permissions.canReceive(me, to) : Permissions.canReceiveAs(me, to);
        return ok ? Future.succeededFuture(snapshot) : Future.<ObjectNode>failedFuture(HubException.unauthorized());
      })).onComplete(ar -> {
        if (ar.succeeded()) call.json(ResponseCode.CONTENT, ar.result());
        else call.fail(ar.cause());
      });
    });
  }
}

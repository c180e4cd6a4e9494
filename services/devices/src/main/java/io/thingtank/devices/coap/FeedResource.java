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
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;

/**
 * {@code /subscribe/<uuid>} (broadcasts) and {@code /subscribe/<uuid>/received} (messages to the
 * device): an observable resource (RFC 7641) whose representation is the latest message; every
 * new one notifies the observers. Each GET, including the ones Californium makes for
 * notifications, checks the requester's token and permission (receive for broadcasts,
 * receiveAs for received). Thread-safe.
 */
final class FeedResource extends CoapResource {
  private final Hub hub;
  private final Context context;
  private final String uuid;
  private final Channel channel;
  private volatile ObjectNode latest = DeviceJson.object();
  private volatile FeedResource received;

  FeedResource(String uuid, Channel channel, Hub hub, Context context) {
    super(channel == Channel.BROADCAST ? uuid : "received");
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

  @Override
  public synchronized Resource getChild(String name) {
    if (channel != Channel.BROADCAST || !name.equals("received")) return null;
    if (received == null) received = new FeedResource(uuid, Channel.RECEIVED, hub, context);
    return received;
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

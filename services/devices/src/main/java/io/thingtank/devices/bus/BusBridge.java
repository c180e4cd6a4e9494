package io.thingtank.devices.bus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.core.bus.BusEvent;
import io.thingtank.core.bus.BusPrincipal;
import io.thingtank.core.bus.MessageBus;
import io.thingtank.devices.auth.Permissions;
import io.thingtank.devices.hub.Channel;
import io.thingtank.devices.hub.Delivery;
import io.thingtank.devices.hub.Hub;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the hub to the WAMP broker ({@link MessageBus}). Every delivery is published as
 * a WAMP event with the message as its single positional argument:
 * <pre>
 * thingtank.devices.&lt;to&gt;.message     a message received by device &lt;to&gt;
 * thingtank.devices.&lt;from&gt;.broadcast  a broadcast of &lt;from&gt;
 * thingtank.devices.&lt;from&gt;.sent       every message &lt;from&gt; sent
 * thingtank.devices.&lt;uuid&gt;.config     the device's properties after a change
 * thingtank.devices.&lt;uuid&gt;.data       a sensor data record
 * </pre>
 * Who may subscribe to these is the WAMP realm's permission business. In the other direction,
 * a WAMP publication to {@code thingtank.devices.<uuid>.message} (whose router allowed the
 * publish) reaches device {@code <uuid>}; if the publisher's authid is itself a device, that
 * device's send permission on the target applies too. The hub's own events carry the kwarg
 * {@code "thingtank_origin": "devices"} and are not echoed back. Thread-safe.
 */
public final class BusBridge {
  public static final String PREFIX = "thingtank.devices.";
  private static final String ORIGIN = "thingtank_origin";
  private static final Logger LOG = LoggerFactory.getLogger(BusBridge.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MessageBus bus;
  private final BusPrincipal principal;
  private final Hub hub;

  public BusBridge(MessageBus bus, String realm, Hub hub) {
    this.bus = bus;
    this.principal = BusPrincipal.system(realm, "devices");
    this.hub = hub;
  }

  /** Hooks the hub's deliveries and subscribes to inbound device topics. */
  public Future<MessageBus.Registration> start() {
    hub.messenger().setOutbound(this::publish);
    return bus.subscribe(principal, PREFIX, MessageBus.PREFIX, this::onEvent);
  }

  public static String topic(Delivery d) {
    String suffix = d.channel() == Channel.RECEIVED ? "message" : d.channel().wireName();
    return PREFIX + d.deviceUuid() + "." + suffix;
  }

  @SuppressWarnings("unchecked")
  private void publish(Delivery d) {
    Map<String, Object> body = JSON.convertValue(d.body(), Map.class);
    bus.publish(principal, topic(d), List.of(body), Map.of(ORIGIN, "devices"))
        .onFailure(e -> LOG.debug("bus publish to {} failed: {}", topic(d), e.getMessage()));
  }

  private void onEvent(BusEvent e) {
    if (e.kwargs() != null && "devices".equals(e.kwargs().get(ORIGIN))) return;
    String rest = e.topic().substring(PREFIX.length());
    if (!rest.endsWith(".message")) return;
    String uuid = rest.substring(0, rest.length() - ".message".length());
    if (uuid.isEmpty() || uuid.contains(".")) return;
    ObjectNode msg;
    Object first = e.args() == null || e.args().isEmpty() ? null : e.args().get(0);
    JsonNode node = JSON.valueToTree(first);
    if (node instanceof ObjectNode o) {
      msg = o;
    } else {
      msg = JSON.createObjectNode();
      msg.set("payload", node);
    }
    msg.put("devices", uuid);
    String publisher = e.publisherAuthid();
    msg.put("fromUuid", publisher == null ? "wamp" : publisher);
    hub.find(uuid).onSuccess(target -> target.ifPresent(to -> {
      if (publisher == null) {
        hub.messenger().deliverFromBus(uuid, msg);
        return;
      }
      hub.find(publisher).onSuccess(from -> {
        if (from.isEmpty() || Permissions.canSend(from.get(), to)) hub.messenger().deliverFromBus(uuid, msg);
      });
    }));
  }
}

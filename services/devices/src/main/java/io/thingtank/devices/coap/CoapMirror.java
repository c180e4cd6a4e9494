package io.thingtank.devices.coap;

import io.thingtank.devices.hub.Channel;
import io.thingtank.devices.hub.Hub;
import io.vertx.core.Context;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.option.MapBasedOptionRegistry;
import org.eclipse.californium.core.coap.option.StandardOptionRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * The CoAP mirror of the REST routes on {@code config.coapPort()} (UDP), with Eclipse
 * Californium: SkyNet's CoAP routes ({@code CoapRoutes}) and observable {@code /subscribe/<uuid>}
 * feeds ({@code FeedResource}). Californium runs its own threads; work hops to the hub's context.
 */
public final class CoapMirror implements AutoCloseable {
  static {
    CoapConfig.register();
    UdpConfig.register();
  }

  private final CoapServer server;
  private final CoapEndpoint endpoint;

  public CoapMirror(Hub hub, Context context, String host, int port) {
    server = new CoapServer(Configuration.createStandardWithoutFile());
    endpoint = new CoapEndpoint.Builder()
        .setConfiguration(Configuration.createStandardWithoutFile())
        .setInetSocketAddress(new InetSocketAddress(host, port))
        .setOptionRegistry(new MapBasedOptionRegistry(StandardOptionRegistry.getDefaultOptionRegistry(),
            CoapCall.UUID_OPTION, CoapCall.TOKEN_OPTION))
        .build();
    server.addEndpoint(endpoint);
    for (String name : new String[] {"status", "ipaddress", "devices", "mydevices", "localdevices", "claimdevice",
        "authenticate", "events", "data", "messages"}) {
      server.add(new CoapRoutes(name, hub, context));
    }
    server.add(new Subscriptions(hub, context));
  }

  public void start() { server.start(); }

  /** The bound UDP port (differs from the config when it asked for 0). */
  public int port() { return endpoint.getAddress().getPort(); }

  @Override
  public void close() { server.destroy(); }

  /** {@code /subscribe}: one feed resource per device, made on first use. */
  private static final class Subscriptions extends CoapResource {
    private final Hub hub;
    private final Context context;
    private final Map<String, FeedResource> feeds = new ConcurrentHashMap<>();

    Subscriptions(Hub hub, Context context) {
      super("subscribe");
      this.hub = hub;
      this.context = context;
    }

    @Override
    public Resource getChild(String uuid) {
      return feeds.computeIfAbsent(uuid, u -> new FeedResource(u, u, Channel.BROADCAST, hub, context));
    }
  }
}

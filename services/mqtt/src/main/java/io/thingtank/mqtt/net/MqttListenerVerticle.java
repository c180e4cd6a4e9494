package io.thingtank.mqtt.net;

import io.thingtank.core.net.ListenerDeployer;
import io.thingtank.mqtt.protocol.MqttConnection;
import io.thingtank.mqtt.protocol.MqttTransport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.function.BiFunction;

/**
 * The MQTT TCP port (1883): one instance per event loop. Each accepted socket gets the MQTT
 * codec in its pipeline and an {@link MqttConnection} that receives the decoded packets.
 */
public final class MqttListenerVerticle extends ListenerDeployer.Listener {
  private final String host;
  private final int port;
  private final int maxPacketSize;
  private final BiFunction<Vertx, MqttTransport, MqttConnection> connections;
  private NetServer server;

  public MqttListenerVerticle(String host, int port, int maxPacketSize,
      BiFunction<Vertx, MqttTransport, MqttConnection> connections) {
    this.host = host;
    this.port = port;
    this.maxPacketSize = maxPacketSize;
    this.connections = connections;
  }

  @Override
  public Future<?> start() {
    server = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port).setTcpNoDelay(true))
        .connectHandler(this::accept);
    return server.listen();
  }

  private void accept(NetSocket so) {
    NetSocketInternal socket = (NetSocketInternal) so;
    MqttChannelSetup.install(socket.channelHandlerContext().pipeline(), "handler", maxPacketSize);
    MqttConnection conn = connections.apply(vertx, new TcpTransport(socket, context));
    socket.messageHandler(conn::handle);
    socket.closeHandler(v -> conn.transportClosed());
    socket.exceptionHandler(e -> socket.close());
  }

  @Override public int actualPort() { return server.actualPort(); }
}

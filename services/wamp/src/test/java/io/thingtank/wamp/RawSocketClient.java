package io.thingtank.wamp;

import io.thingtank.wamp.wire.Serializer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Map;

/** A blocking WAMP RawSocket client (MessagePack) for load measurements. One thread per instance. */
final class RawSocketClient implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  RawSocketClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true);
    in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
    out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
    out.write(new byte[] {0x7F, (byte) 0xF2, 0, 0});
    out.flush();
    byte[] reply = in.readNBytes(4);
    if (reply[0] != 0x7F || (reply[1] & 0x0F) != 2) throw new IOException("handshake refused");
    send(List.of(1L, "realm1", Map.of("roles", Map.of("publisher", Map.of(), "subscriber", Map.of(),
        "caller", Map.of(), "callee", Map.of()))));
    flush();
    if (!((Number) next().get(0)).equals(2L)) throw new IOException("not welcomed");
  }

  void send(List<Object> message) throws IOException {
    byte[] b = Serializer.MSGPACK.encode(message);
    out.writeInt(b.length);
    out.write(b);
  }

  void flush() throws IOException { out.flush(); }

  List<Object> next() throws IOException {
    while (true) {
      int header = in.readInt();
      byte[] payload = in.readNBytes(header & 0xFFFFFF);
      if ((header >>> 24) == 0) return Serializer.MSGPACK.decode(payload);
    }
  }

  @Override public void close() throws IOException { socket.close(); }
}

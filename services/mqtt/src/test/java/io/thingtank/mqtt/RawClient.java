package io.thingtank.mqtt;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A raw TCP MQTT peer for byte-level tests: builds packets by hand and reads whole packets back. */
final class RawClient implements AutoCloseable {
  final Socket socket;
  private final DataInputStream in;

  /** One packet read from the broker: first byte (type + flags) and the rest. */
  record Packet(int header, byte[] body) {
    int type() { return header >> 4; }
  }

  RawClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(5000);
    in = new DataInputStream(socket.getInputStream());
  }

  void send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  /** The next packet, or null if the broker closed the connection. */
  Packet read() throws IOException {
    int header = in.read();
    if (header < 0) return null;
    int len = 0, shift = 0, b;
    do {
      b = in.readUnsignedByte();
      len |= (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    byte[] body = new byte[len];
    in.readFully(body);
    return new Packet(header, body);
  }

  /** True if the broker closed the connection (EOF) within the read timeout, skipping packets. */
  boolean closedByBroker() throws IOException {
    try {
      while (read() != null) { /* skip */ }
      return true;
    } catch (EOFException | java.net.SocketException e) {
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  @Override public void close() throws IOException { socket.close(); }

  // packet builders (MQTT 5 §2.1 fixed header, §1.5.5 variable byte integer)

  static byte[] packet(int header, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(header);
    int len = body.length;
    do {
      int digit = len % 128;
      len /= 128;
      out.write(len > 0 ? digit | 0x80 : digit);
    } while (len > 0);
    out.writeBytes(body);
    return out.toByteArray();
  }

  static byte[] str(String s) {
    byte[] u = s.getBytes(StandardCharsets.UTF_8);
    return concat(new byte[] {(byte) (u.length >> 8), (byte) u.length}, u);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }

  /** CONNECT with clean start, keep alive {@code keepAlive}, no properties (v5) / 3.1.1. */
  static byte[] connect(int level, String clientId, int keepAlive) {
    byte[] vh = concat(str("MQTT"), new byte[] {(byte) level, 0x02, (byte) (keepAlive >> 8), (byte) keepAlive});
    if (level == 5) vh = concat(vh, new byte[] {0});
    return packet(0x10, concat(vh, str(clientId)));
  }

  /** PUBLISH v5 with the given QoS, packet id and raw property bytes. */
  static byte[] publish5(String topic, int qos, int packetId, byte[] props, byte[] payload) {
    byte[] id = qos > 0 ? new byte[] {(byte) (packetId >> 8), (byte) packetId} : new byte[0];
    byte[] propLen = new byte[] {(byte) props.length};
    return packet(0x30 | (qos << 1), concat(str(topic), id, propLen, props, payload));
  }
}

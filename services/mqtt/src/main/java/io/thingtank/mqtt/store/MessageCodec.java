package io.thingtank.mqtt.store;

import io.thingtank.mqtt.broker.Message;
import io.thingtank.mqtt.broker.Message.MessageProperties;
import io.thingtank.mqtt.broker.Message.UserProperty;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary form of a {@link Message} in the store. Layout (big-endian, strings as
 * {@code writeUTF}, byte arrays as int length + bytes, length -1 = absent):
 * {@code [format=1][topic][payload][qos:1][retain:1][expiresAt:8][origin]
 * [payloadFormat:int, -1 absent][contentType?][responseTopic?][correlation][nUser:int]([key][value])*}
 * where {@code ?} strings are prefixed by a presence byte. Stateless.
 */
public final class MessageCodec {
  private static final int FORMAT = 1;

  private MessageCodec() {}

  public static byte[] encode(Message m) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + m.payload().length);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(out, m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static Message decode(byte[] b) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(DataOutputStream out, Message m) throws IOException {
    out.writeByte(FORMAT);
    out.writeUTF(m.topic());
    bytes(out, m.payload());
    out.writeByte(m.qos());
    out.writeBoolean(m.retain());
    out.writeLong(m.expiresAt());
    out.writeUTF(m.origin());
    MessageProperties p = m.properties();
    out.writeInt(p.payloadFormat() == null ? -1 : p.payloadFormat());
    optional(out, p.contentType());
    optional(out, p.responseTopic());
    bytes(out, p.correlationData());
    out.writeInt(p.userProperties().size());
    for (UserProperty u : p.userProperties()) {
      out.writeUTF(u.key());
      out.writeUTF(u.value());
    }
  }

  static Message read(DataInputStream in) throws IOException {
    int format = in.readByte();
    if (format != FORMAT) throw new IOException("unknown stored message format " + format);
    String topic = in.readUTF();
    byte[] payload = bytes(in);
    int qos = in.readByte();
    boolean retain = in.readBoolean();
    long expiresAt = in.readLong();
    String origin = in.readUTF();
    int pf = in.readInt();
    String contentType = optional(in);
    String responseTopic = optional(in);
    byte[] correlation = bytes(in);
    int n = in.readInt();
    List<UserProperty> users = new ArrayList<>(n);
    for (int i = 0; i < n; i++) users.add(new UserProperty(in.readUTF(), in.readUTF()));
    return new Message(topic, payload, qos, retain, expiresAt, origin,
        new MessageProperties(pf < 0 ? null : pf, contentType, responseTopic, correlation, List.copyOf(users)));
  }

  private static void bytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b == null ? -1 : b.length);
    if (b != null) out.write(b);
  }

  private static byte[] bytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    return n < 0 ? null : in.readNBytes(n);
  }

  private static void optional(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) out.writeUTF(s);
  }

  private static String optional(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}

package io.thingtank.sqs.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingtank.core.storage.StorageException;
import io.thingtank.sqs.model.Delivery;
import io.thingtank.sqs.model.Message;
import io.thingtank.sqs.model.MessageAttribute;
import io.thingtank.sqs.model.Queue;
import io.thingtank.sqs.store.QueueStore.Deduplication;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Value encodings of the {@code sqs} table (keys are in {@link QueueKeys}). Queues are JSON (rare
 * writes, readable in a dump); messages are a compact binary record, version byte first:
 * {@code 1, seq:8, messageId, body, sentMillis:8, senderId?, groupId?, dedupId?, dlqSource?, md5,
 * traceHeader?, attributeCount:4, (name, type, string?, binaryLength:4 (-1 = none), binary)*}.
 * Ids, names, types and the md5 are {@code writeUTF} strings; the body and optional strings are a
 * 4-byte length and UTF-8 bytes, optional ones after a presence byte. Stateless.
 */
final class Records {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte VERSION = 1;

  private Records() {}

  record QueueJson(long id, String account, String region, String name, Map<String, String> attributes,
      Map<String, String> tags, long createdMillis, long modifiedMillis) {}

  static byte[] queue(Queue q) {
    try {
      return JSON.writeValueAsBytes(new QueueJson(q.id(), q.account(), q.region(), q.name(), q.attributes(), q.tags(),
          q.createdMillis(), q.modifiedMillis()));
    } catch (IOException e) {
      throw new StorageException("cannot encode queue " + q.name(), e);
    }
  }

  static Queue queue(byte[] bytes) {
    try {
      QueueJson j = JSON.readValue(bytes, new TypeReference<QueueJson>() {});
      return new Queue(j.id(), j.account(), j.region(), j.name(), j.attributes(), j.tags(), j.createdMillis(),
          j.modifiedMillis());
    } catch (IOException e) {
      throw new StorageException("cannot decode a queue record", e);
    }
  }

  static byte[] message(Message m) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(m.body().length() + 128);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(VERSION);
      out.writeLong(m.seq());
      out.writeUTF(m.messageId());
      longString(out, m.body());
      out.writeLong(m.sentMillis());
      optional(out, m.senderId());
      optional(out, m.groupId());
      optional(out, m.deduplicationId());
      optional(out, m.deadLetterSourceArn());
      out.writeUTF(m.md5OfBody());
      out.writeBoolean(m.traceHeader() != null);
      if (m.traceHeader() != null) attribute(out, m.traceHeader());
      out.writeInt(m.attributes().size());
      for (Map.Entry<String, MessageAttribute> e : m.attributes().entrySet()) {
        out.writeUTF(e.getKey());
        attribute(out, e.getValue());
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new StorageException("cannot encode message " + m.messageId(), e);
    }
  }

  static Message message(byte[] bytes) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      if (in.readByte() != VERSION) throw new IOException("unknown message record version");
      long seq = in.readLong();
      String id = in.readUTF();
      String body = longString(in);
      long sent = in.readLong();
      String sender = optional(in);
      String group = optional(in);
      String dedup = optional(in);
      String source = optional(in);
      String md5 = in.readUTF();
      MessageAttribute trace = in.readBoolean() ? attribute(in) : null;
      int n = in.readInt();
      Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) attributes.put(in.readUTF(), attribute(in));
      return new Message(seq, id, body, attributes, trace, sent, sender, group, dedup, source, md5);
    } catch (IOException e) {
      throw new StorageException("cannot decode a message record", e);
    }
  }

  static byte[] delivery(Delivery d) {
    return ByteBuffer.allocate(28).putLong(d.visibleAt()).putInt(d.receiveCount()).putLong(d.firstReceiveMillis())
        .putLong(d.receiptNonce()).array();
  }

  static Delivery delivery(byte[] b) {
    ByteBuffer in = ByteBuffer.wrap(b);
    return new Delivery(in.getLong(), in.getInt(), in.getLong(), in.getLong());
  }

  static byte[] deduplication(Deduplication d) {
    byte[] id = d.messageId().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(16 + id.length).putLong(d.seq()).putLong(d.sentMillis()).put(id).array();
  }

  static Deduplication deduplication(String key, byte[] b) {
    ByteBuffer in = ByteBuffer.wrap(b);
    long seq = in.getLong();
    long sent = in.getLong();
    return new Deduplication(key, new String(b, 16, b.length - 16, StandardCharsets.UTF_8), seq, sent);
  }

  private static void attribute(DataOutputStream out, MessageAttribute a) throws IOException {
    out.writeUTF(a.dataType());
    optional(out, a.stringValue());
    out.writeInt(a.binaryValue() == null ? -1 : a.binaryValue().length);
    if (a.binaryValue() != null) out.write(a.binaryValue());
  }

  private static MessageAttribute attribute(DataInputStream in) throws IOException {
    String type = in.readUTF();
    String s = optional(in);
    int n = in.readInt();
    byte[] b = null;
    if (n >= 0) {
      b = new byte[n];
      in.readFully(b);
    }
    return new MessageAttribute(type, s, b);
  }

  private static void optional(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) longString(out, s);
  }

  private static String optional(DataInputStream in) throws IOException {
    return in.readBoolean() ? longString(in) : null;
  }

  private static void longString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String longString(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}

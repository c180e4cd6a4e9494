package io.thingtank.mqtt.store;

import io.thingtank.core.storage.Keys;
import io.thingtank.core.storage.RocksEngine;
import io.thingtank.core.storage.Table;
import io.thingtank.mqtt.broker.Message;
import io.thingtank.mqtt.broker.Subscription;
import io.thingtank.mqtt.broker.Topics;
import io.thingtank.mqtt.broker.Will;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@link MqttStore} in the {@code mqtt} table; key layout in {@link MqttKeys}. Blocking; thread-safe. */
public final class RocksMqttStore implements MqttStore {
  private final RocksEngine engine;
  private final Table table;

  public RocksMqttStore(RocksEngine engine) {
    this.engine = engine;
    this.table = engine.table("mqtt");
  }

  @Override
  public void saveSession(SessionRecord s) {
    table.put(MqttKeys.session(s.clientId()), encode(out -> {
      out.writeByte(s.protocolVersion());
      out.writeLong(s.expirySeconds());
      out.writeLong(s.disconnectedAt());
    }));
  }

  @Override
  public void deleteSession(String clientId) {
    var batch = engine.batch().delete(table, MqttKeys.session(clientId));
    engine.write(batch);
    byte[] subs = MqttKeys.subscriptions(clientId);
    table.deleteRange(subs, Keys.prefixEnd(subs));
    byte[] queue = MqttKeys.queue(clientId);
    table.deleteRange(queue, Keys.prefixEnd(queue));
    byte[] gateway = MqttKeys.gatewayFilters(clientId);
    table.deleteRange(gateway, Keys.prefixEnd(gateway));
    byte[] qos2 = MqttKeys.inboundQos2(clientId);
    table.deleteRange(qos2, Keys.prefixEnd(qos2));
  }

  @Override
  public void saveSubscription(Subscription s) {
    table.put(MqttKeys.subscription(s.clientId(), s.fullFilter()), encode(out -> {
      out.writeByte(s.qos());
      out.writeBoolean(s.noLocal());
      out.writeBoolean(s.retainAsPublished());
      out.writeByte(s.retainHandling());
      out.writeInt(s.identifier());
    }));
  }

  @Override
  public void deleteSubscription(String clientId, String fullFilter) {
    table.delete(MqttKeys.subscription(clientId, fullFilter));
  }

  @Override
  public void savePublish(Message retained, List<QueuedMessage> queued, InboundQos2 received) {
    var batch = engine.batch();
    if (retained != null) {
      byte[] key = MqttKeys.retained(retained.topic());
      if (retained.payload().length == 0) batch.delete(table, key);
      else batch.put(table, key, MessageCodec.encode(retained));
    }
    for (QueuedMessage q : queued) batch.put(table, MqttKeys.queued(q.clientId(), q.seq()), encodeQueued(q));
    if (received != null) batch.put(table, MqttKeys.inboundQos2(received.clientId(), received.packetId()), new byte[0]);
    if (batch.count() > 0) engine.write(batch);
  }

  @Override
  public void saveGatewayFilter(GatewayFilter f) {
    table.put(MqttKeys.gatewayFilter(f.clientId(), f.filter()), new byte[] {(byte) f.qos()});
  }

  @Override
  public void deleteGatewayFilter(String clientId, String filter) {
    table.delete(MqttKeys.gatewayFilter(clientId, filter));
  }

  @Override
  public void saveWill(String clientId, Will will) {
    table.put(MqttKeys.will(clientId), encode(out -> {
      out.writeLong(will.nonce());
      out.writeLong(will.delaySeconds());
      MessageCodec.write(out, will.message());
    }));
  }

  @Override
  public void deleteWill(String clientId, long nonce) {
    byte[] key = MqttKeys.will(clientId);
    byte[] v = table.get(key);
    if (v != null && java.nio.ByteBuffer.wrap(v).getLong() == nonce) table.delete(key);
  }

  @Override
  public void deleteInboundQos2(InboundQos2 released) {
    table.delete(MqttKeys.inboundQos2(released.clientId(), released.packetId()));
  }

  @Override
  public void saveQueued(QueuedMessage q) {
    table.put(MqttKeys.queued(q.clientId(), q.seq()), encodeQueued(q));
  }

  @Override
  public void deleteQueued(String clientId, long seq) {
    table.delete(MqttKeys.queued(clientId, seq));
  }

  @Override
  public Snapshot load() {
    List<SessionRecord> sessions = new ArrayList<>();
    table.scanPrefix(MqttKeys.kind(MqttKeys.SESSION), (k, v) -> {
      DataInputStream in = in(v);
      try {
        sessions.add(new SessionRecord(MqttKeys.clientId(k), in.readByte(), in.readLong(), in.readLong()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return true;
    });
    List<Subscription> subs = new ArrayList<>();
    table.scanPrefix(MqttKeys.kind(MqttKeys.SUBSCRIPTION), (k, v) -> {
      int at = MqttKeys.afterClientId(k);
      String full = new String(k, at, k.length - at, StandardCharsets.UTF_8);
      Topics.SharedFilter f = Topics.parse(full);
      DataInputStream in = in(v);
      try {
        subs.add(new Subscription(MqttKeys.clientId(k), f.filter(), f.group(), in.readByte(),
            in.readBoolean(), in.readBoolean(), in.readByte(), in.readInt()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return true;
    });
    List<QueuedMessage> queued = new ArrayList<>();
    table.scanPrefix(MqttKeys.kind(MqttKeys.QUEUED), (k, v) -> {
      long seq = Keys.readLong(k, MqttKeys.afterClientId(k));
      queued.add(decodeQueued(MqttKeys.clientId(k), seq, v));
      return true;
    });
    List<Message> retained = new ArrayList<>();
    table.scanPrefix(MqttKeys.kind(MqttKeys.RETAINED), (k, v) -> {
      retained.add(MessageCodec.decode(v));
      return true;
    });
    List<InboundQos2> qos2 = new ArrayList<>();
    table.scanPrefix(MqttKeys.kind(MqttKeys.INBOUND_QOS2), (k, v) -> {
      int at = MqttKeys.afterClientId(k);
      int packetId = java.nio.ByteBuffer.wrap(k, at, 4).getInt() ^ Integer.MIN_VALUE;
      qos2.add(new InboundQos2(MqttKeys.clientId(k), packetId));
      return true;
    });
    java.util.Map<String, Will> wills = new java.util.LinkedHashMap<>();
    table.scanPrefix(MqttKeys.kind(MqttKeys.WILL), (k, v) -> {
      DataInputStream in = in(v);
      try {
        long nonce = in.readLong();
        long delay = in.readLong();
        wills.put(MqttKeys.clientId(k), new Will(MessageCodec.read(in), delay, nonce));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return true;
    });
    List<GatewayFilter> gatewayFilters = new ArrayList<>();
    table.scanPrefix(MqttKeys.kind(MqttKeys.GATEWAY_FILTER), (k, v) -> {
      int at = MqttKeys.afterClientId(k);
      gatewayFilters.add(new GatewayFilter(MqttKeys.clientId(k), new String(k, at, k.length - at, StandardCharsets.UTF_8), v[0]));
      return true;
    });
    return new Snapshot(sessions, subs, queued, retained, qos2, wills, gatewayFilters);
  }

  /** Queue entry value: [qos:1][retain:1][released:1][nIds:int][id:int]*[message (MessageCodec)]. */
  private static byte[] encodeQueued(QueuedMessage q) {
    return encode(out -> {
      out.writeByte(q.qos());
      out.writeBoolean(q.retain());
      out.writeBoolean(q.released());
      out.writeInt(q.subscriptionIds().size());
      for (int id : q.subscriptionIds()) out.writeInt(id);
      MessageCodec.write(out, q.message());
    });
  }

  private static QueuedMessage decodeQueued(String clientId, long seq, byte[] v) {
    DataInputStream in = in(v);
    try {
      int qos = in.readByte();
      boolean retain = in.readBoolean();
      boolean released = in.readBoolean();
      int n = in.readInt();
      Integer[] ids = new Integer[n];
      for (int i = 0; i < n; i++) ids[i] = in.readInt();
      return new QueuedMessage(clientId, seq, MessageCodec.read(in), qos, retain, Arrays.asList(ids), released);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Writer { void write(DataOutputStream out) throws IOException; }

  private static byte[] encode(Writer w) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      w.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  private static DataInputStream in(byte[] v) { return new DataInputStream(new ByteArrayInputStream(v)); }
}

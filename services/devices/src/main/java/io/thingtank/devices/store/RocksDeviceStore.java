package io.thingtank.devices.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.core.Clock;
import io.thingtank.core.storage.Keys;
import io.thingtank.core.storage.RocksEngine;
import io.thingtank.core.storage.StorageException;
import io.thingtank.core.storage.Table;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link DeviceStore} on the {@code devices} column family; the key layout is in
 * {@link DeviceKeys}. Event and data sequence numbers are {@code max(last + 1, millis * 1000)},
 * so they keep increasing across restarts without a stored counter. Blocking; thread-safe.
 */
public final class RocksDeviceStore implements DeviceStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RocksEngine engine;
  private final Table table;
  private final Clock clock;
  private final AtomicLong lastSeq = new AtomicLong();

  public RocksDeviceStore(RocksEngine engine, Clock clock) {
    this.engine = engine;
    this.table = engine.table("devices");
    this.clock = clock;
  }

  @Override
  public Optional<ObjectNode> device(String uuid) {
    byte[] v = table.get(DeviceKeys.device(uuid));
    return v == null ? Optional.empty() : Optional.of(parse(v));
  }

  @Override
  public void putDevice(String uuid, ObjectNode properties) {
    table.put(DeviceKeys.device(uuid), bytes(properties));
  }

  @Override
  public void deleteDevice(String uuid) {
    RocksEngine.Batch batch = engine.batch().delete(table, DeviceKeys.device(uuid));
    for (StoredToken t : tokens(uuid)) batch.delete(table, DeviceKeys.token(uuid, t.id()));
    for (Subscription s : subscriptions(uuid)) {
      batch.delete(table, DeviceKeys.subscription(s.subscriberUuid(), s.emitterUuid(), s.type()));
    }
    engine.write(batch);
    byte[] data = DeviceKeys.data(uuid);
    table.deleteRange(data, Keys.prefixEnd(data));
  }

  @Override
  public List<ObjectNode> devices() {
    List<ObjectNode> out = new ArrayList<>();
    table.scanPrefix(DeviceKeys.devices(), (k, v) -> out.add(parse(v)));
    return out;
  }

  @Override
  public void addToken(String uuid, StoredToken token) {
    ByteBuffer b = ByteBuffer.allocate(token.salt().length + token.hash().length + 9);
    b.put((byte) token.salt().length).put(token.salt()).put(token.hash()).putLong(token.createdAt());
    table.put(DeviceKeys.token(uuid, token.id()), b.array());
  }

  @Override
  public List<StoredToken> tokens(String uuid) {
    List<StoredToken> out = new ArrayList<>();
    table.scanPrefix(DeviceKeys.tokens(uuid), (k, v) -> {
      ByteBuffer b = ByteBuffer.wrap(v);
      byte[] salt = new byte[b.get()];
      b.get(salt);
      byte[] hash = new byte[b.remaining() - 8];
      b.get(hash);
      out.add(new StoredToken(Keys.readLong(k, k.length - 8), salt, hash, b.getLong()));
      return true;
    });
    return out;
  }

  @Override
  public void removeToken(String uuid, long tokenId) { table.delete(DeviceKeys.token(uuid, tokenId)); }

  @Override
  public void removeTokens(String uuid) {
    byte[] prefix = DeviceKeys.tokens(uuid);
    table.deleteRange(prefix, Keys.prefixEnd(prefix));
  }

  @Override
  public void appendEvent(ObjectNode event, Collection<String> involved) {
    long seq = nextSeq();
    RocksEngine.Batch batch = engine.batch().put(table, DeviceKeys.event(seq), bytes(event));
    for (String uuid : new LinkedHashSet<>(involved)) {
      batch.put(table, DeviceKeys.eventIndex(uuid, seq), new byte[0]);
    }
    engine.write(batch);
  }

  @Override
  public List<ObjectNode> events(String uuid, int limit) {
    List<ObjectNode> out = new ArrayList<>();
    if (limit <= 0) return out;
    table.scanPrefix(DeviceKeys.eventIndex(uuid), (k, v) -> {
      byte[] event = table.get(DeviceKeys.event(DeviceKeys.sequenceAtEnd(k)));
      if (event != null) out.add(parse(event));
      return out.size() < limit;
    });
    return out;
  }

  @Override
  public void appendData(String uuid, ObjectNode record) {
    table.put(DeviceKeys.data(uuid, nextSeq()), bytes(record));
  }

  @Override
  public List<ObjectNode> data(String uuid, int limit, long fromMillis, long toMillis) {
    List<ObjectNode> out = new ArrayList<>();
    if (limit <= 0) return out;
    table.scanPrefix(DeviceKeys.data(uuid), (k, v) -> {
      long millis = DeviceKeys.sequenceAtEnd(k) / 1000;
      if (millis < fromMillis) return false;
      if (millis < toMillis) out.add(parse(v));
      return out.size() < limit;
    });
    return out;
  }

  @Override
  public void putSubscription(Subscription s) {
    table.put(DeviceKeys.subscription(s.subscriberUuid(), s.emitterUuid(), s.type()), new byte[0]);
  }

  @Override
  public void removeSubscription(Subscription s) {
    table.delete(DeviceKeys.subscription(s.subscriberUuid(), s.emitterUuid(), s.type()));
  }

  @Override
  public List<Subscription> subscriptions(String subscriberUuid) {
    List<Subscription> out = new ArrayList<>();
    byte[] prefix = DeviceKeys.subscriptions(subscriberUuid);
    table.scanPrefix(prefix, (k, v) -> {
      String[] parts = new String(k, prefix.length, k.length - prefix.length - 1, StandardCharsets.UTF_8)
          .split("\0", -1);
      if (parts.length == 2) out.add(new Subscription(subscriberUuid, parts[0], parts[1]));
      return true;
    });
    return out;
  }

  /** Data sequence numbers carry their time: microseconds-ish, unique and increasing. */
  private long nextSeq() {
    long floor = clock.millis() * 1000;
    return lastSeq.updateAndGet(last -> Math.max(last + 1, floor));
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new StorageException("cannot encode", e);
    }
  }

  private static ObjectNode parse(byte[] value) {
    try {
      return (ObjectNode) JSON.readTree(value);
    } catch (IOException | ClassCastException e) {
      throw new StorageException("corrupt entry in devices", e);
    }
  }
}

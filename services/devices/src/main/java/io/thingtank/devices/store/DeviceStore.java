package io.thingtank.devices.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of the device hub: devices, token hashes, the event log, sensor data and v2
 * subscriptions. Blocking; callers run it on the platform's store executor, never on an event
 * loop. Thread-safe.
 */
public interface DeviceStore {
  Optional<ObjectNode> device(String uuid);

  void putDevice(String uuid, ObjectNode properties);

  /** Removes the device and everything it owns (tokens, data, subscriptions); events stay. */
  void deleteDevice(String uuid);

  /** Every device, in uuid order. */
  List<ObjectNode> devices();

  void addToken(String uuid, StoredToken token);

  List<StoredToken> tokens(String uuid);

  void removeToken(String uuid, long tokenId);

  void removeTokens(String uuid);

  /** Appends an event to the log, indexed under each of {@code involved}. */
  void appendEvent(ObjectNode event, Collection<String> involved);

  /** The newest {@code limit} events involving {@code uuid}, newest first. */
  List<ObjectNode> events(String uuid, int limit);

  void appendData(String uuid, ObjectNode record);

  /** The newest {@code limit} data records of {@code uuid} with {@code from <= timestamp < to}, newest first. */
  List<ObjectNode> data(String uuid, int limit, long fromMillis, long toMillis);

  void putSubscription(Subscription subscription);

  void removeSubscription(Subscription subscription);

  List<Subscription> subscriptions(String subscriberUuid);
}

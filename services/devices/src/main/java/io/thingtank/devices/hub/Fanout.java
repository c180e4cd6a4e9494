package io.thingtank.devices.hub;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory routing table of live subscriptions: (device uuid, channel) to listeners.
 * Replaces SkyNet's socket.io rooms ({@code uuid}, {@code uuid_bc}). Deliveries hop to each
 * listener's own context. Thread-safe.
 */
final class Fanout {
  private record Room(String uuid, Channel channel) {}

  private final Map<Room, Set<Listener>> rooms = new ConcurrentHashMap<>();

  void add(String uuid, Channel channel, Listener l) {
    rooms.computeIfAbsent(new Room(uuid, channel), r -> ConcurrentHashMap.newKeySet()).add(l);
  }

  void remove(String uuid, Channel channel, Listener l) {
    rooms.computeIfPresent(new Room(uuid, channel), (r, set) -> {
      set.remove(l);
      return set.isEmpty() ? null : set;
    });
  }

  /** Delivers to every listener of the room; returns how many there were. */
  int publish(Delivery d) {
    Set<Listener> set = rooms.get(new Room(d.deviceUuid(), d.channel()));
    if (set == null) return 0;
    for (Listener l : set) l.deliver(d);
    return set.size();
  }
}

package io.thingtank.s3.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;

/**
 * A bounded map for the store's in-memory caches: entries go into the current generation; when
 * its entries weigh {@code capacity}, it becomes the previous one and the one before is dropped.
 * The newest {@code capacity} of weight are always kept, at most twice that is held, and no
 * entry is ever touched again to track its age. Thread-safe.
 */
final class Generations<K, V> {
  private record Generation<K, V>(ConcurrentHashMap<K, V> map, AtomicLong weight) {
    Generation() { this(new ConcurrentHashMap<>(), new AtomicLong()); }
  }

  private final long capacity;
  private final ToLongFunction<V> weigher;
  private volatile Generation<K, V> current = new Generation<>();
  private volatile Generation<K, V> previous = new Generation<>();

  Generations(long capacity, ToLongFunction<V> weigher) {
    this.capacity = capacity;
    this.weigher = weigher;
  }

  /** The value, or null. */
  V get(K key) {
    V v = current.map().get(key);
    return v != null ? v : previous.map().get(key);
  }

  /** Keeps {@code value} when {@code stillValid} holds, checked under the key's lock in the current generation. */
  void keep(K key, V value, BooleanSupplier stillValid) {
    Generation<K, V> now = current;
    now.map().compute(key, (k, old) -> stillValid.getAsBoolean() ? weighed(now, old, value) : old);
    rotateIfFull(now);
  }

  /**
   * Sets (or, for null, removes) the key's value, running {@code underLock} under the key's lock
   * first, and removes whatever another generation holds for the key afterwards (an entry a
   * reader kept there before {@code underLock} ran, a rotation having come between).
   */
  void set(K key, V value, Runnable underLock) {
    Generation<K, V> now = current;
    now.map().compute(key, (k, old) -> {
      underLock.run();
      return weighed(now, old, value);
    });
    Generation<K, V> newer = current;
    Generation<K, V> older = previous;
    if (newer != now) remove(newer, key);
    if (older != now) remove(older, key);
    rotateIfFull(now);
  }

  /** Removes the key from every generation. */
  void remove(K key) {
    remove(current, key);
    remove(previous, key);
  }

  private void remove(Generation<K, V> g, K key) {
    V old = g.map().remove(key);
    if (old != null) g.weight().addAndGet(-weigher.applyAsLong(old));
  }

  private V weighed(Generation<K, V> g, V old, V value) {
    long delta = (value == null ? 0 : weigher.applyAsLong(value)) - (old == null ? 0 : weigher.applyAsLong(old));
    g.weight().addAndGet(delta);
    return value;
  }

  private void rotateIfFull(Generation<K, V> g) {
    if (g.weight().get() >= capacity) rotate(g);
  }

  private synchronized void rotate(Generation<K, V> full) {
    if (current != full) return;
    previous = full;
    current = new Generation<>();
  }
}

package io.thingtank.sqs.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Visible messages of a FIFO queue by message group (SQS Developer Guide, "FIFO delivery logic"):
 * a receive takes the groups whose oldest message is oldest first, several messages of one group
 * in order, and never a group that has a message in flight, so a group is processed strictly in
 * order by one consumer at a time.
 */
final class FifoReadySet implements ReadySet {
  private final Map<String, TreeMap<Long, Entry>> groups = new HashMap<>();
  private final Map<String, Integer> inFlight = new HashMap<>();
  /** Unlocked groups with visible messages, by the sequence number of their oldest one. */
  private final TreeMap<Long, String> available = new TreeMap<>();
  private int size;

  @Override
  public void add(Entry e) {
    TreeMap<Long, Entry> g = groups.computeIfAbsent(e.group, k -> new TreeMap<>());
    Long oldHead = g.isEmpty() ? null : g.firstKey();
    g.put(e.seq, e);
    size++;
    if (!locked(e.group) && (oldHead == null || e.seq < oldHead)) {
      if (oldHead != null) available.remove(oldHead);
      available.put(e.seq, e.group);
    }
  }

  @Override
  public void remove(Entry e) {
    TreeMap<Long, Entry> g = groups.get(e.group);
    if (g == null || g.remove(e.seq) == null) return;
    size--;
    if (available.remove(e.seq) != null && !g.isEmpty()) available.put(g.firstKey(), e.group);
    if (g.isEmpty()) groups.remove(e.group);
  }

  @Override public int size() { return size; }

  @Override
  public List<Entry> take(int max) {
    List<Entry> out = new ArrayList<>();
    while (out.size() < max && !available.isEmpty()) {
      String group = available.pollFirstEntry().getValue();
      TreeMap<Long, Entry> g = groups.get(group);
      while (out.size() < max && !g.isEmpty()) {
        out.add(g.pollFirstEntry().getValue());
        size--;
        inFlight.merge(group, 1, Integer::sum);
      }
      if (g.isEmpty()) groups.remove(group);
    }
    return out;
  }

  @Override
  public void release(Entry e) {
    Integer n = inFlight.get(e.group);
    if (n == null) return;
    if (n > 1) {
      inFlight.put(e.group, n - 1);
      return;
    }
    inFlight.remove(e.group);
    TreeMap<Long, Entry> g = groups.get(e.group);
    if (g != null && !g.isEmpty()) available.put(g.firstKey(), e.group);
  }

  @Override
  public void lock(Entry e) {
    TreeMap<Long, Entry> g = groups.get(e.group);
    if (!locked(e.group) && g != null && !g.isEmpty()) available.remove(g.firstKey());
    inFlight.merge(e.group, 1, Integer::sum);
  }

  private boolean locked(String group) { return inFlight.containsKey(group); }
}

package io.thingtank.sqs.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Visible messages of a standard queue, oldest first (best-effort ordering, as SQS promises). */
final class StandardReadySet implements ReadySet {
  private final TreeMap<Long, Entry> bySeq = new TreeMap<>();

  @Override public void add(Entry e) { bySeq.put(e.seq, e); }

  @Override public void remove(Entry e) { bySeq.remove(e.seq); }

  @Override public int size() { return bySeq.size(); }

  @Override
  public List<Entry> take(int max) {
    List<Entry> out = new ArrayList<>(Math.min(max, bySeq.size()));
    while (out.size() < max && !bySeq.isEmpty()) out.add(bySeq.pollFirstEntry().getValue());
    return out;
  }

  @Override public void release(Entry e) { }

  @Override public void lock(Entry e) { }
}

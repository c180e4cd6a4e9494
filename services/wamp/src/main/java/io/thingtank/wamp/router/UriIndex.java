package io.thingtank.wamp.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Subscriptions or registrations by URI and match policy: an exact hash map, a character trie
 * for prefixes (a lookup walks the URI once) and wildcard patterns grouped by component count.
 * Confined to its realm's thread.
 *
 * @param <T> what is stored per (uri, match)
 */
public final class UriIndex<T> {
  private final Map<String, T> exact = new HashMap<>();
  private final PrefixTrie<T> prefix = new PrefixTrie<>();
  private final Map<Integer, Map<String, Wildcard<T>>> wildcards = new HashMap<>();
  private final Map<String, Wildcard<T>> wildcardByUri = new HashMap<>();

  private record Wildcard<T>(String[] components, int specificity, T value) {}

  public T get(String uri, String match) {
    return switch (match) {
      case "exact" -> exact.get(uri);
      case "prefix" -> prefix.get(uri);
      default -> {
        Wildcard<T> w = wildcardByUri.get(uri);
        yield w == null ? null : w.value();
      }
    };
  }

  public void put(String uri, String match, T value) {
    switch (match) {
      case "exact" -> exact.put(uri, value);
      case "prefix" -> prefix.put(uri, value);
      default -> {
        String[] c = UriRules.components(uri);
        int specificity = 0;
        for (String s : c) if (!s.isEmpty()) specificity++;
        Wildcard<T> w = new Wildcard<>(c, specificity, value);
        wildcardByUri.put(uri, w);
        wildcards.computeIfAbsent(c.length, n -> new HashMap<>()).put(uri, w);
      }
    }
  }

  public void remove(String uri, String match) {
    switch (match) {
      case "exact" -> exact.remove(uri);
      case "prefix" -> prefix.remove(uri);
      default -> {
        Wildcard<T> w = wildcardByUri.remove(uri);
        if (w != null) {
          Map<String, Wildcard<T>> group = wildcards.get(w.components().length);
          group.remove(uri);
          if (group.isEmpty()) wildcards.remove(w.components().length);
        }
      }
    }
  }

  /** Every entry matching {@code uri}: exact, then prefixes (shortest first), then wildcards. */
  public void forEachMatch(String uri, Consumer<T> visitor) {
    T e = exact.get(uri);
    if (e != null) visitor.accept(e);
    prefix.forEachPrefixOf(uri, visitor);
    if (wildcards.isEmpty()) return;
    Map<String, Wildcard<T>> group = wildcards.get(countComponents(uri));
    if (group == null) return;
    for (Wildcard<T> w : group.values()) {
      if (UriRules.wildcardMatches(w.components(), uri)) visitor.accept(w.value());
    }
  }

  /**
   * The single best match for routing a call (WAMP §14.3.8): exact, else the longest
   * prefix, else the wildcard with most non-empty components (ties: the lexically first URI).
   */
  public T best(String uri) {
    T e = exact.get(uri);
    if (e != null) return e;
    T p = prefix.longestPrefixOf(uri);
    if (p != null) return p;
    Map<String, Wildcard<T>> group = wildcards.get(countComponents(uri));
    if (group == null) return null;
    Wildcard<T> best = null;
    String bestUri = null;
    for (Map.Entry<String, Wildcard<T>> en : group.entrySet()) {
      Wildcard<T> w = en.getValue();
      if (!UriRules.wildcardMatches(w.components(), uri)) continue;
      if (best == null || w.specificity() > best.specificity()
          || (w.specificity() == best.specificity() && en.getKey().compareTo(bestUri) < 0)) {
        best = w;
        bestUri = en.getKey();
      }
    }
    return best == null ? null : best.value();
  }

  public List<T> all(String match) {
    return switch (match) {
      case "exact" -> new ArrayList<>(exact.values());
      case "prefix" -> prefix.values();
      default -> {
        List<T> out = new ArrayList<>();
        for (Wildcard<T> w : wildcardByUri.values()) out.add(w.value());
        yield out;
      }
    };
  }

  private static int countComponents(String uri) {
    int n = 1;
    for (int i = 0; i < uri.length(); i++) if (uri.charAt(i) == '.') n++;
    return n;
  }
}

package io.thingtank.wamp.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A character trie of URI prefixes (WAMP prefix matching is by string prefix). Not thread-safe. */
final class PrefixTrie<T> {
  private final Node<T> root = new Node<>();

  private static final class Node<T> {
    final Map<Character, Node<T>> children = new HashMap<>(4);
    T value;
  }

  T get(String key) {
    Node<T> n = find(key);
    return n == null ? null : n.value;
  }

  void put(String key, T value) {
    Node<T> n = root;
    for (int i = 0; i < key.length(); i++) n = n.children.computeIfAbsent(key.charAt(i), c -> new Node<>());
    n.value = value;
  }

  void remove(String key) {
    removeFrom(root, key, 0);
  }

  private boolean removeFrom(Node<T> n, String key, int i) {
    if (i == key.length()) {
      n.value = null;
    } else {
      Node<T> child = n.children.get(key.charAt(i));
      if (child == null) return false;
      if (removeFrom(child, key, i + 1)) n.children.remove(key.charAt(i));
    }
    return n.value == null && n.children.isEmpty();
  }

  void forEachPrefixOf(String uri, Consumer<T> visitor) {
    Node<T> n = root;
    if (n.value != null) visitor.accept(n.value);
    for (int i = 0; i < uri.length() && n != null; i++) {
      n = n.children.get(uri.charAt(i));
      if (n != null && n.value != null) visitor.accept(n.value);
    }
  }

  T longestPrefixOf(String uri) {
    Node<T> n = root;
    T best = n.value;
    for (int i = 0; i < uri.length(); i++) {
      n = n.children.get(uri.charAt(i));
      if (n == null) break;
      if (n.value != null) best = n.value;
    }
    return best;
  }

  List<T> values() {
    List<T> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private void collect(Node<T> n, List<T> out) {
    if (n.value != null) out.add(n.value);
    for (Node<T> c : n.children.values()) collect(c, out);
  }

  private Node<T> find(String key) {
    Node<T> n = root;
    for (int i = 0; i < key.length() && n != null; i++) n = n.children.get(key.charAt(i));
    return n;
  }
}

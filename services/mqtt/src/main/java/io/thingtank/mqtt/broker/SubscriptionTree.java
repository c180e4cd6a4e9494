package io.thingtank.mqtt.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Every subscription of every session, indexed as a trie of topic levels so that matching a
 * topic visits only the branches that can match (literal level, '+' and '#'). Matching reads
 * concurrent maps without locking; adds and removes are serialized. Thread-safe.
 */
public final class SubscriptionTree {
  private final Node root = new Node();

  private static final class Node {
    final Map<String, Node> children = new ConcurrentHashMap<>();
    final Map<String, Subscription> subscribers = new ConcurrentHashMap<>();
    /** share group name -> (client id -> subscription). */
    final Map<String, Map<String, Subscription>> shared = new ConcurrentHashMap<>();

    boolean empty() { return children.isEmpty() && subscribers.isEmpty() && shared.isEmpty(); }
  }

  /** Adds or replaces the session's subscription with the same full filter; true if it was new. */
  public synchronized boolean add(Subscription s) {
    Node n = root;
    for (String level : s.filter().split("/", -1)) n = n.children.computeIfAbsent(level, l -> new Node());
    if (s.shareGroup() == null) return n.subscribers.put(s.clientId(), s) == null;
    return n.shared.computeIfAbsent(s.shareGroup(), g -> new ConcurrentHashMap<>()).put(s.clientId(), s) == null;
  }

  /** Removes a subscription; true if it existed. */
  public synchronized boolean remove(String clientId, String filter, String shareGroup) {
    return remove(root, filter.split("/", -1), 0, clientId, shareGroup);
  }

  private boolean remove(Node n, String[] levels, int i, String clientId, String group) {
    if (i == levels.length) {
      if (group == null) return n.subscribers.remove(clientId) != null;
      Map<String, Subscription> members = n.shared.get(group);
      if (members == null || members.remove(clientId) == null) return false;
      if (members.isEmpty()) n.shared.remove(group);
      return true;
    }
    Node child = n.children.get(levels[i]);
    if (child == null) return false;
    boolean removed = remove(child, levels, i + 1, clientId, group);
    if (child.empty()) n.children.remove(levels[i]);
    return removed;
  }

  /**
   * Visits the subscriptions matching {@code topic}: each plain subscription, and for each
   * share group its member list (the caller picks one member, MQTT 5 §4.8.2).
   */
  public void match(String topic, Consumer<Subscription> plain, Consumer<List<Subscription>> group) {
    String[] levels = topic.split("/", -1);
    match(root, levels, 0, topic.startsWith("$"), plain, group);
  }

  private void match(Node n, String[] levels, int i, boolean dollar,
      Consumer<Subscription> plain, Consumer<List<Subscription>> group) {
    // §4.7.2: a filter starting with a wildcard does not match a topic starting with '$'
    boolean wildcardsAllowed = !(dollar && i == 0);
    if (wildcardsAllowed) {
      Node hash = n.children.get("#");
      if (hash != null) emit(hash, plain, group);
    }
    if (i == levels.length) {
      emit(n, plain, group);
      return;
    }
    Node exact = n.children.get(levels[i]);
    if (exact != null) match(exact, levels, i + 1, dollar, plain, group);
    if (wildcardsAllowed) {
      Node plus = n.children.get("+");
      if (plus != null) match(plus, levels, i + 1, dollar, plain, group);
    }
  }

  private static void emit(Node n, Consumer<Subscription> plain, Consumer<List<Subscription>> group) {
    for (Subscription s : n.subscribers.values()) plain.accept(s);
    for (Map<String, Subscription> members : n.shared.values()) {
      if (!members.isEmpty()) group.accept(new ArrayList<>(members.values()));
    }
  }
}

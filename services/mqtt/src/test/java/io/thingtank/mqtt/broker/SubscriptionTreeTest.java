package io.thingtank.mqtt.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SubscriptionTreeTest {
  private static Subscription sub(String client, String filter) {
    return new Subscription(client, filter, null, 1, false, false, 0, 0);
  }

  private static List<String> clients(SubscriptionTree t, String topic) {
    List<String> out = new ArrayList<>();
    t.match(topic, s -> out.add(s.clientId() + ":" + s.filter()), g -> out.add("group:" + g.size()));
    out.sort(null);
    return out;
  }

  @Test
  void matchesLikeTheReferenceMatcherOnRandomFilters() {
    String[] levels = {"a", "b", "$x", "", "+", "#"};
    Random r = new Random(7);
    SubscriptionTree tree = new SubscriptionTree();
    List<Subscription> all = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      StringBuilder f = new StringBuilder();
      int n = 1 + r.nextInt(4);
      for (int j = 0; j < n; j++) {
        String l = levels[r.nextInt(levels.length)];
        if (l.equals("#") && j < n - 1) l = "+";
        if (l.equals("$x") && j > 0) l = "a";
        f.append(j == 0 ? "" : "/").append(l);
      }
      Subscription s = sub("c" + i, f.toString());
      if (Topics.validFilter(s.filter())) {
        tree.add(s);
        all.add(s);
      }
    }
    String[] topics = {"a", "a/b", "$x/a", "/a", "a//b", "b/a/a/b", "$x"};
    for (String topic : topics) {
      List<String> expected = new ArrayList<>();
      for (Subscription s : all) if (Topics.matches(s.filter(), topic)) expected.add(s.clientId() + ":" + s.filter());
      expected.sort(null);
      assertThat(clients(tree, topic)).as(topic).isEqualTo(expected);
    }
  }

  @Test
  void removeAndSharedGroups() {
    SubscriptionTree tree = new SubscriptionTree();
    tree.add(sub("a", "x/#"));
    tree.add(new Subscription("b", "x/+", "g", 1, false, false, 0, 0));
    tree.add(new Subscription("c", "x/+", "g", 1, false, false, 0, 0));
    assertThat(clients(tree, "x/y")).containsExactly("a:x/#", "group:2");
    assertThat(tree.remove("a", "x/#", null)).isTrue();
    assertThat(tree.remove("b", "x/+", "g")).isTrue();
    assertThat(clients(tree, "x/y")).containsExactly("group:1");
    assertThat(tree.remove("b", "x/+", "g")).isFalse();
  }
}

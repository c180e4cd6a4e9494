package io.thingtank.s3.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The newest {@code capacity} of weight is always kept, at most twice that is held. */
class GenerationsTest {
  @Test
  void keepsTheNewestCapacityAndDropsOlderGenerations() {
    Generations<Integer, byte[]> g = new Generations<>(100, b -> b.length);
    for (int i = 0; i < 50; i++) g.set(i, new byte[10], () -> { });
    // THEN the last 10 entries (100 bytes) are there, and no more than 200 bytes' worth
    for (int i = 40; i < 50; i++) assertThat(g.get(i)).hasSize(10);
    int held = 0;
    for (int i = 0; i < 50; i++) if (g.get(i) != null) held++;
    assertThat(held).isBetween(10, 20);
    assertThat(g.get(0)).isNull();
  }

  @Test
  void aSetReplacesWhatEitherGenerationHeldAndNullRemoves() {
    Generations<String, String> g = new Generations<>(2, s -> 1);
    g.set("a", "old", () -> { });
    g.set("b", "x", () -> { }); // full: "a" and "b" are now the previous generation
    g.set("a", "new", () -> { });
    assertThat(g.get("a")).isEqualTo("new");
    g.set("a", null, () -> { });
    assertThat(g.get("a")).isNull();
    g.remove("b");
    assertThat(g.get("b")).isNull();
  }

  @Test
  void keepIsRefusedWhenNoLongerValid() {
    Generations<String, String> g = new Generations<>(10, s -> 1);
    g.keep("a", "loaded", () -> false);
    assertThat(g.get("a")).isNull();
    g.keep("a", "loaded", () -> true);
    assertThat(g.get("a")).isEqualTo("loaded");
  }
}

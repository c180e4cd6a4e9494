package io.thingtank.wamp.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UriIndexTest {
  @Test
  void urisFollowTheLooseStrictAndPatternRules() {
    assertThat(UriRules.valid("com.example.topic", true)).isTrue();
    assertThat(UriRules.valid("com.Example-1.topic", false)).isTrue();
    assertThat(UriRules.valid("com.Example-1.topic", true)).isFalse();
    assertThat(UriRules.valid("a..b", false)).isFalse();
    assertThat(UriRules.valid("has space", false)).isFalse();
    assertThat(UriRules.valid("a.#", false)).isFalse();
    assertThat(UriRules.validPattern("com..temp", "wildcard", false)).isTrue();
    assertThat(UriRules.validPattern("com.", "prefix", false)).isTrue();
    assertThat(UriRules.validPattern("", "prefix", false)).isTrue();
    assertThat(UriRules.validPattern("com.", "exact", false)).isFalse();
  }

  @Test
  void matchesExactPrefixesAndWildcards() {
    UriIndex<String> idx = new UriIndex<>();
    idx.put("com.a.b", "exact", "E");
    idx.put("com.a", "prefix", "P1");
    idx.put("com.", "prefix", "P0");
    idx.put("com..b", "wildcard", "W");
    idx.put("x..y", "wildcard", "W2");
    List<String> hits = new ArrayList<>();
    idx.forEachMatch("com.a.b", hits::add);
    assertThat(hits).containsExactly("E", "P0", "P1", "W");
    assertThat(idx.best("com.a.b")).isEqualTo("E");
    assertThat(idx.best("com.a.c")).isEqualTo("P1");
    assertThat(idx.best("com.z.b")).isEqualTo("P0");
    idx.remove("com.", "prefix");
    assertThat(idx.best("com.z.b")).isEqualTo("W");
    assertThat(idx.best("com.z.b.c")).isNull();
    assertThat(UriRules.wildcardMatches(UriRules.components("com..b"), "com.xyz.b")).isTrue();
    assertThat(UriRules.wildcardMatches(UriRules.components("com..b"), "com.xyz.bb")).isFalse();
  }
}

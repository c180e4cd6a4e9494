package io.thingtank.aws.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Canonical header values: trimmed, sequential spaces collapsed to one, other characters kept. */
class CanonicalRequestTest {
  private static String value(String raw) {
    StringBuilder b = new StringBuilder("x:");
    CanonicalRequest.appendValue(b, raw);
    return b.toString();
  }

  @Test
  void trimsAndCollapsesSpaceRuns() {
    assertThat(value("  a   b c  ")).isEqualTo("x:a b c");
    assertThat(value("plain")).isEqualTo("x:plain");
    assertThat(value("a\tb  \"q  r\"")).isEqualTo("x:a\tb \"q r\"");
    assertThat(value("   ")).isEqualTo("x:");
  }
}

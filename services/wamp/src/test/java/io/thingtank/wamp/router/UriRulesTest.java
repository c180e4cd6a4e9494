package io.thingtank.wamp.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written URI checks agree with the WAMP §5.1.1 rules written as regular expressions. */
class UriRulesTest {
  private static final Pattern LOOSE = Pattern.compile("^([^\\s.#]+\\.)*([^\\s.#]+)$");
  private static final Pattern STRICT = Pattern.compile("^([0-9a-z_]+\\.)*([0-9a-z_]+)$");
  private static final Pattern WILDCARD = Pattern.compile("^(([^\\s.#]+\\.)|\\.)*([^\\s.#]+)?$");
  private static final Pattern PREFIX = Pattern.compile("^([^\\s.#]+\\.)*([^\\s.#]*)$");
  private static final String ALPHABET = "ab_9Z-..# \t\u000B\r\u00e9";

  @Test
  void agreesWithTheRegularExpressionsOnRandomStrings() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int n = random.nextInt(8); n > 0; n--) b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      String uri = b.toString();
      assertThat(UriRules.valid(uri, false)).as("loose '%s'", uri).isEqualTo(LOOSE.matcher(uri).matches());
      assertThat(UriRules.valid(uri, true)).as("strict '%s'", uri).isEqualTo(STRICT.matcher(uri).matches());
      assertThat(UriRules.validPattern(uri, "prefix", true)).as("prefix '%s'", uri).isEqualTo(PREFIX.matcher(uri).matches());
      assertThat(UriRules.validPattern(uri, "wildcard", false)).as("wildcard '%s'", uri)
          .isEqualTo(WILDCARD.matcher(uri).matches());
    }
  }
}

package io.thingtank.wamp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoleTest {
  @Test
  void theMostSpecificRuleDecides() {
    Role r = new Role("frontend", List.of(
        new Permission("com.", "prefix", true, false, false, true, false, false),
        new Permission("com.secret.", "prefix", false, false, false, false, false, false),
        new Permission("com.secret.open", "exact", true, false, true, false, false, false),
        new Permission("com..events", "wildcard", false, false, true, false, false, false)));
    assertThat(r.allows("com.x", Action.CALL)).isTrue();
    assertThat(r.allows("com.x", Action.PUBLISH)).isFalse();
    assertThat(r.allows("com.secret.x", Action.CALL)).isFalse();
    assertThat(r.allows("com.secret.open", Action.PUBLISH)).isTrue();
    assertThat(r.allows("org.x", Action.SUBSCRIBE)).isFalse();
  }

  @Test
  void wampCraSignaturesMatchAutobahns() {
    // values computed by Autobahn: derive_key("secret", "salt123", 100, 32), compute_wcs(key, "challenge")
    String key = Secrets.deriveKey("secret", "salt123", 100, 32);
    assertThat(key).isEqualTo("EX1Y3Q9BMM2oGLxsGqDgFeuqtPMf7Wz8Lh6PotZ62ho=");
    assertThat(Secrets.hmacSha256Base64(key.getBytes(), "challenge")).isEqualTo("h8nB7gn4XbbQPFq6ZTfdrkx9gls/5NxuwzgGKgvd2GU=");
  }
}

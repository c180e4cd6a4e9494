package io.thingtank.mqtt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
  @Test
  void verifiesItsOwnHashesAndRejectsOthers() {
    String h = PasswordHash.hash("pw");
    assertThat(PasswordHash.verify("pw".getBytes(StandardCharsets.UTF_8), h)).isTrue();
    assertThat(PasswordHash.verify("pW".getBytes(StandardCharsets.UTF_8), h)).isFalse();
    assertThat(PasswordHash.verify("pw".getBytes(StandardCharsets.UTF_8), "plain")).isFalse();
  }

  @Test
  void acceptsPythonHashlibOutput() {
    // python3 -c "import hashlib,base64; print(base64.b64encode(hashlib.pbkdf2_hmac('sha256', b'secret', b'salt', 1000)))"
    String stored = "pbkdf2-sha256$1000$c2FsdA==$qN+JnzxPIE2WfgrWPAkph8EAVeuwF7PZ0ordIY1Peq0=";
    assertThat(PasswordHash.verify("secret".getBytes(StandardCharsets.UTF_8), stored)).isTrue();
  }
}

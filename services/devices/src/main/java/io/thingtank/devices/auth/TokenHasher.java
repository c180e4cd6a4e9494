package io.thingtank.devices.auth;

import io.thingtank.core.Ids;
import io.thingtank.devices.store.StoredToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Device tokens are stored only as {@code SHA-256(salt | token)} with a 16-byte random salt and
 * compared in constant time ({@link MessageDigest#isEqual}). Tokens are 160-bit random values,
 * so a fast salted hash is enough (a slow KDF guards low-entropy passwords, not these). Thread-safe.
 */
public final class TokenHasher {
  private final Ids ids;

  public TokenHasher(Ids ids) { this.ids = ids; }

  /** A new random token: 40 lower-case hex digits. */
  public String newToken() { return ids.hex(20); }

  public StoredToken hash(String token, long now) {
    byte[] salt = ids.bytes(16);
    return new StoredToken(ids.nextLong() & Long.MAX_VALUE, salt, digest(salt, token), now);
  }

  public boolean matches(String token, StoredToken stored) {
    return token != null && MessageDigest.isEqual(digest(stored.salt(), token), stored.hash());
  }

  private static byte[] digest(byte[] salt, String token) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(salt);
      return md.digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}

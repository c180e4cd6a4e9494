package io.thingtank.core;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The one source of identifiers and secrets. Ids that clients may guess nothing from
 * (receipt handles, tokens, keys) come from {@link SecureRandom}. Thread-safe.
 */
public class Ids {
  private static final char[] ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private final SecureRandom random = new SecureRandom();

  /** A random (version 4) UUID in its canonical lower-case form. */
  public String uuid() { return UUID.randomUUID().toString(); }

  public byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  public String hex(int bytes) { return HexFormat.of().formatHex(bytes(bytes)); }

  /** Random letters and digits, e.g. for access key secrets. */
  public String alphanumeric(int length) {
    char[] c = new char[length];
    for (int i = 0; i < length; i++) c[i] = ALNUM[random.nextInt(ALNUM.length)];
    return new String(c);
  }

  /** Random characters of the base32 alphabet (A-Z, 2-7), as AWS access key ids use. */
  public String base32(int length) {
    char[] c = new char[length];
    for (int i = 0; i < length; i++) c[i] = BASE32[random.nextInt(BASE32.length)];
    return new String(c);
  }

  public long nextLong() { return random.nextLong(); }
}

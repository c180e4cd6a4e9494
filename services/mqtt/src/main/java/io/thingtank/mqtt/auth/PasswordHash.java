package io.thingtank.mqtt.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 password hashes as the {@code mqtt} config stores them:
 * {@code pbkdf2-sha256$<iterations>$<salt, base64>$<32-byte hash, base64>}, the same form
 * Python's {@code hashlib.pbkdf2_hmac('sha256', pw, salt, iterations)} produces. Thread-safe.
 * {@code java -cp thingtank-mqtt.jar io.thingtank.mqtt.auth.PasswordHash <password>} prints one.
 */
public final class PasswordHash {
  private static final String PREFIX = "pbkdf2-sha256";
  private static final int ITERATIONS = 100_000;

  private PasswordHash() {}

  public static String hash(String password) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return PREFIX + "$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
        + Base64.getEncoder().encodeToString(derive(password.toCharArray(), salt, ITERATIONS));
  }

  /** A stored hash taken apart: PBKDF2-HMAC-SHA256 of the password is SCRAM-SHA-256's SaltedPassword. */
  public record Salted(byte[] salt, int iterations, byte[] saltedPassword) {}

  /** The parts of {@code stored}, or null if it is not a hash of this form. */
  public static Salted parse(String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) return null;
    try {
      return new Salted(Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]),
          Base64.getDecoder().decode(parts[3]));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether {@code password} matches {@code stored}; false for a malformed hash. Constant-time compare. */
  public static boolean verify(byte[] password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) return false;
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      char[] chars = new String(password, java.nio.charset.StandardCharsets.UTF_8).toCharArray();
      return MessageDigest.isEqual(expected, derive(chars, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
    }
  }

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: PasswordHash <password>");
      System.exit(2);
    }
    System.out.println(hash(args[0]));
  }
}

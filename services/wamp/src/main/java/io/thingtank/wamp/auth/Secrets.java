package io.thingtank.wamp.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** Crypto helpers of WAMP-CRA (WAMP §14.5.2): HMAC-SHA256 signatures and PBKDF2 key derivation. */
public final class Secrets {
  private Secrets() {}

  /** Base64 of HMAC-SHA256(key, challenge): what the client must answer. */
  public static String hmacSha256Base64(byte[] key, String challenge) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Base64 of PBKDF2-HMAC-SHA256(password, salt): the salted WAMP-CRA key, as Autobahn derives it. */
  public static String deriveKey(String password, String salt, int iterations, int keyLength) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8),
          iterations, keyLength * 8);
      byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      return Base64.getEncoder().encodeToString(key);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean constantTimeEquals(String a, String b) {
    return a != null && b != null
        && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}

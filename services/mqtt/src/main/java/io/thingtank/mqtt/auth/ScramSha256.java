package io.thingtank.mqtt.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SCRAM-SHA-256 (RFC 7677, RFC 5802 §5) as an MQTT 5 enhanced authentication method against the
 * {@code mqtt} config users. Their stored PBKDF2-HMAC-SHA256 hash is SCRAM's SaltedPassword, so
 * no password is needed on the server. No channel binding (gs2 header {@code n,,} or {@code y,,}).
 * Two steps: client-first (CONNECT) → server-first (AUTH 0x18); client-final (AUTH 0x18) →
 * server-final (CONNACK). Confined to the connection's event loop.
 */
public final class ScramSha256 implements EnhancedAuthentication {
  public static final String METHOD = "SCRAM-SHA-256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Function<String, User> users;
  private User user;
  private String clientFirstBare, serverFirst, nonce, gs2Header;

  /** A user SCRAM can check: its salted password and what it may do. */
  public record User(PasswordHash.Salted salted, MqttPrincipal principal) {}

  /** @param users the user of a name, or null if there is none */
  public ScramSha256(Function<String, User> users) { this.users = users; }

  @Override public String method() { return METHOD; }

  @Override
  public Step step(byte[] clientData) {
    String message = new String(clientData == null ? new byte[0] : clientData, StandardCharsets.UTF_8);
    return user == null ? clientFirst(message) : clientFinal(message);
  }

  /** RFC 5802 §5.1: {@code n,,n=<user>,r=<client nonce>} → {@code r=<nonce>,s=<salt>,i=<iterations>}. */
  private Step clientFirst(String m) {
    if (!m.startsWith("n,,") && !m.startsWith("y,,")) throw new SecurityException("SCRAM: unsupported gs2 header");
    gs2Header = m.substring(0, 3);
    clientFirstBare = m.substring(3);
    String name = null, clientNonce = null;
    for (String attr : clientFirstBare.split(",")) {
      if (attr.startsWith("n=")) name = attr.substring(2).replace("=2C", ",").replace("=3D", "=");
      else if (attr.startsWith("r=")) clientNonce = attr.substring(2);
    }
    if (name == null || clientNonce == null || clientNonce.isEmpty()) throw new SecurityException("SCRAM: bad client-first");
    user = users.apply(name);
    if (user == null) throw new SecurityException("SCRAM: unknown user");
    byte[] serverNonce = new byte[18];
    RANDOM.nextBytes(serverNonce);
    nonce = clientNonce + Base64.getEncoder().encodeToString(serverNonce);
    serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(user.salted().salt())
        + ",i=" + user.salted().iterations();
    return new Step(serverFirst.getBytes(StandardCharsets.UTF_8), null);
  }

  /** RFC 5802 §5.1: {@code c=<gs2 header>,r=<nonce>,p=<proof>} → {@code v=<server signature>}. */
  private Step clientFinal(String m) {
    int at = m.lastIndexOf(",p=");
    if (at < 0) throw new SecurityException("SCRAM: no proof");
    String withoutProof = m.substring(0, at);
    byte[] proof = Base64.getDecoder().decode(m.substring(at + 3));
    String expectedStart = "c=" + Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8))
        + ",r=" + nonce;
    if (!withoutProof.equals(expectedStart) && !withoutProof.startsWith(expectedStart + ",")) {
      throw new SecurityException("SCRAM: channel binding or nonce mismatch");
    }
    byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
    byte[] salted = user.salted().saltedPassword();
    byte[] storedKey = sha256(hmac(salted, "Client Key".getBytes(StandardCharsets.UTF_8)));
    byte[] clientSignature = hmac(storedKey, authMessage);
    if (proof.length != clientSignature.length) throw new SecurityException("SCRAM: bad proof");
    byte[] clientKey = new byte[proof.length];
    for (int i = 0; i < proof.length; i++) clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
    if (!MessageDigest.isEqual(sha256(clientKey), storedKey)) throw new SecurityException("SCRAM: bad proof");
    byte[] serverSignature = hmac(hmac(salted, "Server Key".getBytes(StandardCharsets.UTF_8)), authMessage);
    String serverFinal = "v=" + Base64.getEncoder().encodeToString(serverSignature);
    return new Step(serverFinal.getBytes(StandardCharsets.UTF_8), user.principal());
  }

  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.thingtank.wamp.auth;

import io.thingtank.core.Ids;
import io.thingtank.wamp.message.WampUris;
import io.vertx.core.Future;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * WAMP-Cryptosign (WAMP §14.5.2, Authentication): HELLO carries {@code authextra.pubkey} (hex Ed25519); the
 * router sends 32 random bytes, the client answers the hex Ed25519 signature (64 bytes,
 * optionally followed by the challenge, as Autobahn sends). Verified with the JDK's Ed25519.
 */
public final class CryptosignAuthenticator implements Authenticator {
  /** DER prefix of an X.509 SubjectPublicKeyInfo for a raw 32-byte Ed25519 key (RFC 8410). */
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
  private final Map<String, Principal> principals;
  private final Ids ids;

  public CryptosignAuthenticator(Map<String, Principal> principals, Ids ids) {
    this.principals = principals;
    this.ids = ids;
  }

  @Override public String method() { return "cryptosign"; }

  @Override
  public Future<AuthStep> start(String realm, String authid, Map<String, Object> details, long sessionId) {
    Object extra = details.get("authextra");
    Object key = extra instanceof Map<?, ?> m ? m.get("pubkey") : null;
    if (!(key instanceof String pubkey) || pubkey.length() != 64) {
      return reject(WampUris.AUTHENTICATION_FAILED, "authextra.pubkey (hex Ed25519 key) is required");
    }
    String hexKey = pubkey.toLowerCase();
    Principal p = null;
    if (authid != null) {
      Principal q = principals.get(authid);
      if (q != null && q.authorizedKeys().contains(hexKey)) p = q;
    } else {
      for (Principal q : principals.values()) if (q.authorizedKeys().contains(hexKey)) p = q;
    }
    if (p == null || !p.inRealm(realm)) return reject(WampUris.NO_SUCH_PRINCIPAL, "no principal with this key");
    PublicKey publicKey;
    try {
      byte[] raw = HexFormat.of().parseHex(hexKey);
      byte[] der = new byte[X509_PREFIX.length + raw.length];
      System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
      System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
      publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (Exception e) {
      return reject(WampUris.AUTHENTICATION_FAILED, "bad public key");
    }
    byte[] challenge = ids.bytes(32);
    Map<String, Object> ch = new HashMap<>();
    ch.put("challenge", HexFormat.of().formatHex(challenge));
    ch.put("channel_binding", null);
    Principal who = p;
    return Future.succeededFuture(new AuthStep.Challenge("cryptosign", ch, auth -> Future.succeededFuture(
        verify(publicKey, challenge, auth.signature())
            ? new AuthStep.Accept(new AuthResult(who.authid(), who.role(), "cryptosign", "static",
                Map.of("pubkey", hexKey)))
            : new AuthStep.Reject(WampUris.AUTHENTICATION_FAILED, "invalid signature"))));
  }

  private static boolean verify(PublicKey key, byte[] challenge, String signatureHex) {
    try {
      byte[] sig = HexFormat.of().parseHex(signatureHex);
      if (sig.length != 64 && sig.length != 96) return false;
      Signature v = Signature.getInstance("Ed25519");
      v.initVerify(key);
      v.update(challenge);
      return v.verify(java.util.Arrays.copyOf(sig, 64));
    } catch (Exception e) {
      return false;
    }
  }

  private static Future<AuthStep> reject(String reason, String message) {
    return Future.succeededFuture(new AuthStep.Reject(reason, message));
  }
}

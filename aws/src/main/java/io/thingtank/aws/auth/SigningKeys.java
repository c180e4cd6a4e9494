package io.thingtank.aws.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives SigV4 signing keys (four chained HMACs) and caches them per secret, date, region
 * and service, since a key is valid for a whole day. Thread-safe (one {@link Mac} per thread).
 */
public final class SigningKeys {
  private static final int MAX_ENTRIES = 4096;
  private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
    try {
      return Mac.getInstance("HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  });
  private final ConcurrentHashMap<String, byte[]> cache = new ConcurrentHashMap<>();

  public byte[] signingKey(String secret, SigV4Credential c) {
    String cacheKey = secret + '\n' + c.scope();
    byte[] k = cache.get(cacheKey);
    if (k == null) {
      byte[] kDate = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), c.date());
      byte[] kRegion = hmac(kDate, c.region());
      byte[] kService = hmac(kRegion, c.service());
      k = hmac(kService, "aws4_request");
      if (cache.size() > MAX_ENTRIES) cache.clear();
      cache.put(cacheKey, k);
    }
    return k;
  }

  /** HMAC-SHA256 of {@code data}; each thread reuses its own {@link Mac} (no provider look-up per request). */
  public static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = MACS.get();
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}

package io.thingtank.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs S3 requests with AWS Signature Version 4 in the {@code Authorization} header and an
 * {@code UNSIGNED-PAYLOAD} body (AWS docs "Signature Calculations for the Authorization Header",
 * "Signing process: create a canonical request"), so the client never hashes a body. Path-style
 * URIs of unreserved characters only, no query. One signer per thread (it keeps its Mac).
 */
final class SigV4Signer {
  static final String UNSIGNED = "UNSIGNED-PAYLOAD";
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final HexFormat HEX = HexFormat.of();

  private final String keyId;
  private final String secret;
  private final String region;
  private final Mac mac;
  private final MessageDigest sha256;
  private String keyDay = "";
  private byte[] signingKey;

  SigV4Signer(String keyId, String secret, String region) {
    this.keyId = keyId;
    this.secret = secret;
    this.region = region;
    try {
      this.mac = Mac.getInstance("HmacSHA256");
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The headers to add to {@code method host path} (path already URI-encoded, no query string). */
  Map<String, String> sign(String method, String host, String path) {
    String amzDate = ZonedDateTime.now(ZoneOffset.UTC).format(AMZ_DATE);
    String day = amzDate.substring(0, 8);
    String scope = day + "/" + region + "/s3/aws4_request";
    String canonical = method + "\n" + path + "\n\nhost:" + host + "\nx-amz-content-sha256:" + UNSIGNED
        + "\nx-amz-date:" + amzDate + "\n\nhost;x-amz-content-sha256;x-amz-date\n" + UNSIGNED;
    String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
        + HEX.formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    String signature = HEX.formatHex(hmac(key(day), toSign));
    Map<String, String> h = new LinkedHashMap<>();
    h.put("x-amz-content-sha256", UNSIGNED);
    h.put("x-amz-date", amzDate);
    h.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + keyId + "/" + scope
        + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + signature);
    return h;
  }

  private byte[] key(String day) {
    if (!day.equals(keyDay)) {
      byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
      k = hmac(k, region);
      k = hmac(k, "s3");
      signingKey = hmac(k, "aws4_request");
      keyDay = day;
    }
    return signingKey;
  }

  private byte[] hmac(byte[] key, String data) {
    try {
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

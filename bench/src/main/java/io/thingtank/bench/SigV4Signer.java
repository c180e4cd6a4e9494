package io.thingtank.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs S3 requests with AWS Signature Version 4 in the {@code Authorization} header and an
 * {@code UNSIGNED-PAYLOAD} body (AWS docs "Signature Calculations for the Authorization Header",
 * "Signing process: create a canonical request"), so the client never hashes a body. Path-style
 * URIs of unreserved characters only, no query. Every request is signed anew (one SHA-256 of the
 * canonical request, one HMAC with the day's signing key, which is derived once a day). One signer
 * per thread: it keeps its digest, its Mac (initialised with the signing key) and its date string.
 */
final class SigV4Signer {
  static final String UNSIGNED = "UNSIGNED-PAYLOAD";
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final HexFormat HEX = HexFormat.of();

  private final String keyId;
  private final String secret;
  private final String region;
  private final Mac mac;
  private final MessageDigest sha256;
  private final StringBuilder text = new StringBuilder(512);
  private String keyDay = "";
  private long dateSecond = -1;
  private String amzDate;

  /** The request's date and its {@code Authorization} header value. */
  record Signature(String amzDate, String authorization) {}

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

  /** Signs {@code method host path} now; the request carries {@code x-amz-content-sha256: UNSIGNED-PAYLOAD}. */
  Signature signature(String method, String host, String path) {
    long now = System.currentTimeMillis() / 1000;
    if (now != dateSecond) {
      amzDate = AMZ_DATE.format(Instant.ofEpochSecond(now));
      dateSecond = now;
    }
    String day = amzDate.substring(0, 8);
    if (!day.equals(keyDay)) useDay(day);
    text.setLength(0);
    text.append(method).append('\n').append(path).append("\n\nhost:").append(host)
        .append("\nx-amz-content-sha256:" + UNSIGNED + "\nx-amz-date:").append(amzDate)
        .append("\n\nhost;x-amz-content-sha256;x-amz-date\n" + UNSIGNED);
    String canonicalHash = HEX.formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    String scope = day + "/" + region + "/s3/aws4_request";
    text.setLength(0);
    text.append("AWS4-HMAC-SHA256\n").append(amzDate).append('\n').append(scope).append('\n').append(canonicalHash);
    String signature = HEX.formatHex(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
    return new Signature(amzDate, "AWS4-HMAC-SHA256 Credential=" + keyId + "/" + scope
        + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + signature);
  }

  /** Derives the day's signing key and leaves {@link #mac} initialised with it (doFinal keeps the key). */
  private void useDay(String day) {
    byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
    k = hmac(k, region);
    k = hmac(k, "s3");
    byte[] signingKey = hmac(k, "aws4_request");
    try {
      mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    keyDay = day;
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

package io.thingtank.aws.auth;

import io.thingtank.aws.AwsError;
import io.thingtank.aws.AwsErrors;
import io.thingtank.aws.protocol.AwsHttpRequest;
import io.thingtank.core.Clock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Verifies AWS Signature Version 4 in the {@code Authorization} header and in presigned query
 * strings (AWS General Reference, "Signature Version 4 signing process"). Clock skew of
 * ±15 minutes is allowed. In dev mode a well-formed signature is accepted without checking
 * the key or the HMAC. Stateless apart from the signing-key cache; thread-safe.
 */
public final class SigV4Verifier {
  public static final String ALGORITHM = "AWS4-HMAC-SHA256";
  public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
  static final long MAX_SKEW_MILLIS = 15 * 60 * 1000L;
  static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  /** Finds the secret of an access key; null when there is no such key. */
  @FunctionalInterface
  public interface SecretLookup {
    String secretFor(String accessKeyId);
  }

  private final SecretLookup secrets;
  private final Clock clock;
  private final boolean dev;
  private final SigningKeys signingKeys = new SigningKeys();

  public SigV4Verifier(SecretLookup secrets, Clock clock, boolean dev) {
    this.secrets = secrets;
    this.clock = clock;
    this.dev = dev;
  }

  /** True when the request carries SigV4 in a header or its query string. */
  public static boolean isSigned(AwsHttpRequest req) {
    String auth = req.header("authorization");
    return auth != null || (req.rawQuery() != null && req.rawQuery().contains("X-Amz-Credential"));
  }

  /** The credential scope of a signed request without verifying it (for routing); null if unsigned. */
  public static SigV4Credential peekCredential(AwsHttpRequest req) {
    try {
      String auth = req.header("authorization");
      if (auth != null && auth.startsWith(ALGORITHM)) {
        return SigV4Credential.parse(AuthorizationHeader.parse(auth).credential());
      }
      if (req.rawQuery() != null && req.rawQuery().contains("X-Amz-Credential")) {
        return SigV4Credential.parse(first(req.queryParams(), "X-Amz-Credential"));
      }
    } catch (AwsError e) {
      return null;
    }
    return null;
  }

  /**
   * Verifies the request. {@code s3Rules}: S3 signs the path encoded once and presigned URLs
   * default to an unsigned payload; every other service encodes the path twice.
   *
   * @return the verified identity, or {@link SigV4Result#ANONYMOUS} if the request is unsigned
   * @throws AwsError IncompleteSignature, InvalidClientTokenId, SignatureDoesNotMatch, RequestExpired
   */
  public SigV4Result verify(AwsHttpRequest req, boolean s3Rules) {
    String auth = req.header("authorization");
    if (auth != null) {
      if (!auth.startsWith(ALGORITHM + " ")) {
        throw AwsErrors.incompleteSignature("Unsupported Authorization scheme; only " + ALGORITHM + " is accepted.");
      }
      return verifyHeader(req, AuthorizationHeader.parse(auth), s3Rules);
    }
    Map<String, List<String>> q = req.queryParams();
    if (q.containsKey("X-Amz-Credential") || q.containsKey("X-Amz-Signature")) {
      return verifyPresigned(req, q, s3Rules);
    }
    return SigV4Result.ANONYMOUS;
  }

  private SigV4Result verifyHeader(AwsHttpRequest req, AuthorizationHeader h, boolean s3Rules) {
    SigV4Credential cred = SigV4Credential.parse(h.credential());
    String amzDate = req.header("x-amz-date");
    if (amzDate == null) amzDate = fromHttpDate(req.header("date"));
    long signedAt = parseAmzDate(amzDate);
    checkScopeDate(cred, amzDate);
    long now = clock.millis();
    if (Math.abs(now - signedAt) > MAX_SKEW_MILLIS) {
      throw AwsErrors.requestExpired("Signature expired: " + amzDate + " is now earlier than "
          + AMZ_DATE.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(now - MAX_SKEW_MILLIS), ZoneOffset.UTC))
          + " (" + AMZ_DATE.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC)) + " - 15 min.)");
    }
    String payloadHash = req.header("x-amz-content-sha256");
    if (payloadHash == null) {
      payloadHash = sha256Hex(req.body());
    } else if (isHexHash(payloadHash) && req.body() != null && !payloadHash.equalsIgnoreCase(sha256Hex(req.body()))) {
      throw s3Rules ? new AwsError("XAmzContentSHA256Mismatch",
          "The provided 'x-amz-content-sha256' header does not match what was computed.", 400)
          : AwsErrors.signatureDoesNotMatch();
    }
    String canonical = CanonicalRequest.build(req, h.signedHeaders(), payloadHash, s3Rules, null);
    return check(cred, amzDate, canonical, h.signature(), payloadHash, false);
  }

  private SigV4Result verifyPresigned(AwsHttpRequest req, Map<String, List<String>> q, boolean s3Rules) {
    String algorithm = first(q, "X-Amz-Algorithm");
    if (!ALGORITHM.equals(algorithm)) {
      throw AwsErrors.incompleteSignature("X-Amz-Algorithm must be " + ALGORITHM);
    }
    String credential = first(q, "X-Amz-Credential");
    String amzDate = first(q, "X-Amz-Date");
    String signedHeaders = first(q, "X-Amz-SignedHeaders");
    String signature = first(q, "X-Amz-Signature");
    String expires = first(q, "X-Amz-Expires");
    if (credential == null || amzDate == null || signedHeaders == null || signature == null) {
      throw AwsErrors.incompleteSignature("A presigned request needs X-Amz-Credential, X-Amz-Date, "
          + "X-Amz-SignedHeaders and X-Amz-Signature.");
    }
    SigV4Credential cred = SigV4Credential.parse(credential);
    long signedAt = parseAmzDate(amzDate);
    checkScopeDate(cred, amzDate);
    long expirySeconds;
    try {
      expirySeconds = expires == null ? 604800 : Long.parseLong(expires);
    } catch (NumberFormatException e) {
      throw AwsErrors.incompleteSignature("X-Amz-Expires must be a number of seconds");
    }
    if (expirySeconds < 1 || expirySeconds > 604800) {
      throw AwsErrors.incompleteSignature("X-Amz-Expires must be between 1 and 604800 seconds");
    }
    long now = clock.millis();
    if (signedAt - now > MAX_SKEW_MILLIS) {
      throw AwsErrors.requestExpired("Request is not yet valid: X-Amz-Date " + amzDate + " is in the future");
    }
    if (now > signedAt + expirySeconds * 1000) {
      throw s3Rules ? new AwsError("AccessDenied", "Request has expired", 403)
          : AwsErrors.requestExpired("Request has expired: X-Amz-Date " + amzDate + " + " + expirySeconds + " s");
    }
    String payloadHash = first(q, "X-Amz-Content-Sha256");
    if (payloadHash != null) {
      return check(cred, amzDate, CanonicalRequest.build(req, signedHeaders, payloadHash, s3Rules, "X-Amz-Signature"),
          signature, payloadHash, true);
    }
    // The payload hash is not sent with a presigned URL: S3 signers use UNSIGNED-PAYLOAD, others the
    // body's hash. Either proves the signer's intent; try the usual one for the service first.
    String usual = s3Rules ? UNSIGNED_PAYLOAD : sha256Hex(req.body());
    String other = s3Rules ? sha256Hex(req.body()) : UNSIGNED_PAYLOAD;
    try {
      return check(cred, amzDate, CanonicalRequest.build(req, signedHeaders, usual, s3Rules, "X-Amz-Signature"),
          signature, usual, true);
    } catch (AwsError e) {
      if (!e.code().equals("SignatureDoesNotMatch")) throw e;
      return check(cred, amzDate, CanonicalRequest.build(req, signedHeaders, other, s3Rules, "X-Amz-Signature"),
          signature, other, true);
    }
  }

  private SigV4Result check(SigV4Credential cred, String amzDate, String canonical, String signature,
      String payloadHash, boolean presigned) {
    String secret = secrets.secretFor(cred.accessKeyId());
    if (secret == null) {
      if (!dev) throw AwsErrors.invalidClientTokenId();
      return new SigV4Result(cred, amzDate, null, signature, payloadHash, presigned);
    }
    String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + cred.scope() + "\n" + sha256Hex(canonical);
    byte[] key = signingKeys.signingKey(secret, cred);
    String expected = HexFormat.of().formatHex(SigningKeys.hmac(key, stringToSign));
    if (!dev && !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
      throw AwsErrors.signatureDoesNotMatch();
    }
    return new SigV4Result(cred, amzDate, key, signature, payloadHash, presigned);
  }

  private static void checkScopeDate(SigV4Credential cred, String amzDate) {
    if (!amzDate.startsWith(cred.date())) {
      throw AwsErrors.signatureDoesNotMatch();
    }
  }

  static long parseAmzDate(String amzDate) {
    if (amzDate == null) {
      throw AwsErrors.incompleteSignature(
          "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }
    // Read by hand: DateTimeFormatter's parse and resolve were 2 % of a small S3 GET's event-loop CPU.
    try {
      if (amzDate.length() != 16 || amzDate.charAt(8) != 'T' || amzDate.charAt(15) != 'Z') {
        throw new DateTimeException(amzDate);
      }
      return LocalDateTime.of(digits(amzDate, 0, 4), digits(amzDate, 4, 6), digits(amzDate, 6, 8),
          digits(amzDate, 9, 11), digits(amzDate, 11, 13), digits(amzDate, 13, 15)).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeException e) {
      throw AwsErrors.incompleteSignature("Invalid X-Amz-Date '" + amzDate + "'; expected yyyyMMdd'T'HHmmss'Z'.");
    }
  }

  /** The decimal number in {@code s[from, to)}; DateTimeException unless all are ASCII digits. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') throw new DateTimeException(s);
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static String fromHttpDate(String date) {
    if (date == null) return null;
    try {
      return AMZ_DATE.format(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
          .withZoneSameInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      throw AwsErrors.incompleteSignature("Invalid Date header '" + date + "'.");
    }
  }

  private static boolean isHexHash(String s) {
    if (s.length() != 64) return false;
    for (int i = 0; i < 64; i++) if (Character.digit(s.charAt(i), 16) < 0) return false;
    return true;
  }

  static String first(Map<String, List<String>> q, String name) {
    List<String> v = q.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** Lowercase hex SHA-256; each thread reuses its own digest (no provider look-up per request). */
  public static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(SHA256.get().digest(data == null ? new byte[0] : data));
  }

  public static String sha256Hex(String s) { return sha256Hex(s.getBytes(StandardCharsets.UTF_8)); }

  /** The parts of {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}. */
  record AuthorizationHeader(String credential, String signedHeaders, String signature) {
    static AuthorizationHeader parse(String header) {
      String credential = null, signedHeaders = null, signature = null;
      // Comma-separated name=value parts after the algorithm, walked in place (split and trim per
      // part were a third of this method in a small S3 GET's profile).
      int n = header.length();
      for (int from = Math.min(n, ALGORITHM.length()); from < n; ) {
        int comma = header.indexOf(',', from);
        int end = comma < 0 ? n : comma;
        int eq = header.indexOf('=', from);
        if (eq >= 0 && eq < end) {
          String v = header.substring(eq + 1, end).trim();
          switch (header.substring(from, eq).trim()) {
            case "Credential" -> credential = v;
            case "SignedHeaders" -> signedHeaders = v;
            case "Signature" -> signature = v;
            default -> { }
          }
        }
        from = end + 1;
      }
      List<String> missing = new ArrayList<>();
      if (credential == null) missing.add("Credential");
      if (signedHeaders == null) missing.add("SignedHeaders");
      if (signature == null) missing.add("Signature");
      if (!missing.isEmpty()) {
        throw AwsErrors.incompleteSignature("Authorization header requires '" + String.join("', '", missing)
            + "' parameter(s). Authorization=" + header);
      }
      return new AuthorizationHeader(credential, signedHeaders, signature);
    }
  }
}

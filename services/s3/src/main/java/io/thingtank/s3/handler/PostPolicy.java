package io.thingtank.s3.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingtank.aws.AwsError;
import io.thingtank.aws.auth.SigV4Credential;
import io.thingtank.aws.auth.SigV4Verifier;
import io.thingtank.aws.auth.SigningKeys;
import io.thingtank.s3.S3Errors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A browser-based upload's policy (S3 API Reference, "Creating a POST policy" and "Calculating a
 * signature" for POST): the base64 policy document signed with the SigV4 signing key; its
 * expiration; and conditions (exact match, {@code starts-with}, {@code content-length-range})
 * that every form field must satisfy. Immutable after {@link #verify}.
 */
final class PostPolicy {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> EXEMPT = Set.of("policy", "x-amz-signature", "file", "awsaccesskeyid", "signature");
  private final JsonNode conditions;
  /** The access key that signed the policy: the upload's principal. */
  private final String signer;
  private long minLength = 0;
  private long maxLength = Long.MAX_VALUE;

  private PostPolicy(JsonNode conditions, String signer) {
    this.conditions = conditions;
    this.signer = signer;
  }

  /**
   * Checks the signature and expiry; {@code form} has lower-case field names. SigV4 fields
   * ({@code x-amz-algorithm}, {@code x-amz-credential}, {@code x-amz-signature}) or the legacy
   * SigV2 ones ({@code AWSAccessKeyId}, {@code signature}: base64 HMAC-SHA1 of the policy), which
   * boto3's generate_presigned_post still sends by default.
   */
  static PostPolicy verify(Map<String, String> form, SigV4Verifier.SecretLookup secrets, long now) {
    String policy = form.get("policy");
    String signer = form.containsKey("awsaccesskeyid") && form.containsKey("signature")
        ? verifyV2(form, policy, secrets) : verifyV4(form, policy, secrets);
    return parse(policy, now, signer);
  }

  /** Returns the signing access key id. */
  private static String verifyV2(Map<String, String> form, String policy, SigV4Verifier.SecretLookup secrets) {
    String accessKeyId = form.get("awsaccesskeyid");
    String secret = secrets.secretFor(accessKeyId);
    if (secret == null) throw S3Errors.invalidAccessKeyId();
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
      mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      byte[] expected = mac.doFinal(policy.getBytes(StandardCharsets.UTF_8));
      byte[] given = Base64.getDecoder().decode(form.get("signature").trim());
      if (!MessageDigest.isEqual(expected, given)) throw S3Errors.signatureDoesNotMatch();
      return accessKeyId;
    } catch (IllegalArgumentException e) {
      throw S3Errors.signatureDoesNotMatch();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns the signing access key id. */
  private static String verifyV4(Map<String, String> form, String policy, SigV4Verifier.SecretLookup secrets) {
    if (!"AWS4-HMAC-SHA256".equals(form.get("x-amz-algorithm"))) {
      throw invalidPolicy("Only AWS4-HMAC-SHA256 POST policies are supported.");
    }
    SigV4Credential cred;
    try {
      cred = SigV4Credential.parse(form.get("x-amz-credential"));
    } catch (AwsError e) {
      throw invalidPolicy("Invalid x-amz-credential.");
    }
    String secret = secrets.secretFor(cred.accessKeyId());
    if (secret == null) throw S3Errors.invalidAccessKeyId();
    String expected = HexFormat.of().formatHex(SigningKeys.hmac(new SigningKeys().signingKey(secret, cred), policy));
    String given = String.valueOf(form.get("x-amz-signature")).toLowerCase(Locale.ROOT);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
      throw S3Errors.signatureDoesNotMatch();
    }
    return cred.accessKeyId();
  }

  private static PostPolicy parse(String policy, long now, String signer) {
    JsonNode doc;
    try {
      doc = JSON.readTree(Base64.getDecoder().decode(policy.trim()));
    } catch (Exception e) {
      throw invalidPolicy("Invalid Policy: Invalid JSON.");
    }
    try {
      if (Instant.parse(doc.path("expiration").asText()).toEpochMilli() < now) {
        throw S3Errors.accessDeniedBecause("Invalid according to Policy: Policy expired.");
      }
    } catch (DateTimeParseException e) {
      throw invalidPolicy("Invalid Policy: Invalid 'expiration' value.");
    }
    JsonNode conditions = doc.get("conditions");
    if (conditions == null || !conditions.isArray()) throw invalidPolicy("Invalid Policy: Policy missing conditions.");
    return new PostPolicy(conditions, signer);
  }

  /** Checks every condition against the form (plus {@code bucket}) and that no field goes unchecked. */
  void check(Map<String, String> form, String bucket) {
    Set<String> covered = new HashSet<>();
    for (JsonNode c : conditions) {
      if (c.isObject()) {
        if (c.size() != 1) {
          throw invalidPolicy("Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.");
        }
        c.properties().forEach(e -> {
          String field = e.getKey().toLowerCase(Locale.ROOT);
          covered.add(field);
          require(value(form, bucket, field).equals(e.getValue().asText()), field);
        });
      } else if (c.isArray() && c.size() == 3) {
        String op = c.get(0).asText().toLowerCase(Locale.ROOT);
        if (op.equals("content-length-range")) {
          minLength = c.get(1).asLong();
          maxLength = c.get(2).asLong();
          continue;
        }
        String field = c.get(1).asText().replaceFirst("^\\$", "").toLowerCase(Locale.ROOT);
        covered.add(field);
        String v = value(form, bucket, field);
        switch (op) {
          case "eq" -> require(v.equals(c.get(2).asText()), field);
          case "starts-with" -> require(v.startsWith(c.get(2).asText()), field);
          default -> throw invalidPolicy("Invalid Policy: Invalid condition '" + op + "'.");
        }
      } else {
        throw invalidPolicy("Invalid Policy: Invalid Simple-Condition.");
      }
    }
    for (String field : form.keySet()) {
      if (!EXEMPT.contains(field) && !field.startsWith("x-ignore-") && !covered.contains(field)) {
        throw S3Errors.accessDeniedBecause("Invalid according to Policy: Extra input fields: " + field);
      }
    }
  }

  /** The access key id that signed the policy. */
  String signer() { return signer; }

  /** The size limit of {@code content-length-range}. */
  void checkLength(long size) {
    if (size < minLength) throw S3Errors.entityTooSmall();
    if (size > maxLength) throw S3Errors.entityTooLarge();
  }

  private static String value(Map<String, String> form, String bucket, String field) {
    if (field.equals("bucket")) return bucket;
    String v = form.get(field);
    return v == null ? "" : v;
  }

  private static void require(boolean ok, String field) {
    if (!ok) throw S3Errors.accessDeniedBecause("Invalid according to Policy: Policy Condition failed: " + field);
  }

  private static AwsError invalidPolicy(String message) {
    return new AwsError("InvalidPolicyDocument", message, 400);
  }
}

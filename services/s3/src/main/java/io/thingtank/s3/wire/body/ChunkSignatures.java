package io.thingtank.s3.wire.body;

import io.thingtank.aws.auth.SigningKeys;
import io.thingtank.s3.S3Errors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The signature chain of a signed aws-chunked upload (S3 API Reference, "Signature calculations
 * for the Authorization header: transferring payload in multiple chunks", and the trailer
 * variant): each chunk's signature covers the previous signature and the chunk's SHA-256, seeded
 * with the request's own signature. Not thread-safe.
 */
final class ChunkSignatures {
  private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private final byte[] signingKey;
  private final String amzDate;
  private final String scope;
  private String previous;

  ChunkSignatures(byte[] signingKey, String amzDate, String scope, String seedSignature) {
    this.signingKey = signingKey;
    this.amzDate = amzDate;
    this.scope = scope;
    this.previous = seedSignature;
  }

  void verifyChunk(String declared, byte[] chunkSha256) {
    String toSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + amzDate + "\n" + scope + "\n" + previous + "\n" + EMPTY_SHA256
        + "\n" + HexFormat.of().formatHex(chunkSha256);
    previous = check(declared, toSign);
  }

  /** {@code trailer}: the trailing header lines as sent, each {@code name:value\n}. */
  void verifyTrailer(String declared, String trailer) {
    String hash = io.thingtank.aws.auth.SigV4Verifier.sha256Hex(trailer);
    previous = check(declared, "AWS4-HMAC-SHA256-TRAILER\n" + amzDate + "\n" + scope + "\n" + previous + "\n" + hash);
  }

  private String check(String declared, String toSign) {
    if (signingKey == null) return declared; // dev mode with an unknown key: well-formed is enough
    String expected = HexFormat.of().formatHex(SigningKeys.hmac(signingKey, toSign));
    if (declared == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        declared.getBytes(StandardCharsets.US_ASCII))) {
      throw S3Errors.signatureDoesNotMatch();
    }
    return expected;
  }
}

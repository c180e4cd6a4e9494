package io.thingtank.s3.wire.body;

import io.thingtank.aws.auth.SigV4Result;
import io.thingtank.s3.S3Errors;

/**
 * How the body is framed and protected, from {@code x-amz-content-sha256} (S3 API Reference,
 * "Authenticating Requests (AWS Signature Version 4)", the payload options).
 *
 * @param chunked         aws-chunked framing
 * @param signedChunks    chunk signatures to verify
 * @param sha256Hex       the declared hash of a plain body, or null
 */
public record PayloadMode(boolean chunked, boolean signedChunks, String sha256Hex) {

  public static PayloadMode of(String contentSha256, String contentEncoding) {
    if (contentSha256 == null || contentSha256.equals("UNSIGNED-PAYLOAD")) {
      boolean chunked = contentEncoding != null && contentEncoding.contains("aws-chunked");
      return new PayloadMode(chunked, false, null);
    }
    return switch (contentSha256) {
      case "STREAMING-UNSIGNED-PAYLOAD-TRAILER" -> new PayloadMode(true, false, null);
      case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER" ->
          new PayloadMode(true, true, null);
      default -> {
        if (contentSha256.startsWith("STREAMING-")) throw S3Errors.notImplemented("x-amz-content-sha256 " + contentSha256);
        if (contentSha256.length() != 64) throw S3Errors.contentSha256Mismatch();
        yield new PayloadMode(false, false, contentSha256.toLowerCase(java.util.Locale.ROOT));
      }
    };
  }

  public BodyDecoder decoder(SigV4Result auth) {
    if (!chunked) return new BodyDecoder.Plain();
    if (!signedChunks) return new AwsChunkedDecoder(null);
    if (auth == null || auth.anonymous()) throw S3Errors.accessDenied();
    return new AwsChunkedDecoder(new ChunkSignatures(auth.signingKey(), auth.amzDate(), auth.credential().scope(),
        auth.signature()));
  }
}

package io.thingtank.s3.wire;

import io.thingtank.aws.AwsError;
import io.thingtank.aws.StreamingAwsService;
import io.thingtank.aws.auth.SigV4Result;
import io.thingtank.s3.S3Errors;

/**
 * SigV4 for S3 (single-encoded path, payload hash from {@code x-amz-content-sha256}) with the
 * verifier's errors renamed to S3's codes (S3 API Reference, "List of error codes"):
 * InvalidAccessKeyId, RequestTimeTooSkewed for header auth, AccessDenied for an expired
 * presigned URL, AuthorizationHeaderMalformed / AuthorizationQueryParametersError.
 */
public final class S3Auth {
  private S3Auth() {}

  public static SigV4Result verify(StreamingAwsService.Head head) {
    boolean presigned = head.request().header("authorization") == null;
    try {
      return head.verifier().verify(head.request(), true);
    } catch (AwsError e) {
      throw switch (e.code()) {
        case "InvalidClientTokenId" -> S3Errors.invalidAccessKeyId();
        case "RequestExpired" -> presigned ? new AwsError("AccessDenied", e.getMessage(), 403)
            : S3Errors.requestTimeTooSkewed(e.getMessage());
        case "SignatureDoesNotMatch" -> S3Errors.signatureDoesNotMatch();
        case "IncompleteSignature" -> presigned
            ? new AwsError("AuthorizationQueryParametersError", e.getMessage(), 400)
            : new AwsError("AuthorizationHeaderMalformed", e.getMessage(), 400);
        default -> e;
      };
    }
  }
}

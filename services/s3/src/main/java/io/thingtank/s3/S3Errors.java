package io.thingtank.s3;

import io.thingtank.aws.AwsError;
import io.thingtank.s3.wire.HeaderedError;
import java.util.Map;

/** S3's error codes and statuses (Amazon S3 API Reference, "Error responses", list of error codes). */
public final class S3Errors {
  private S3Errors() {}

  public static AwsError noSuchBucket() { return new AwsError("NoSuchBucket", "The specified bucket does not exist", 404); }

  public static AwsError noSuchKey() { return new AwsError("NoSuchKey", "The specified key does not exist.", 404); }

  public static AwsError noSuchVersion() {
    return new AwsError("NoSuchVersion", "The specified version does not exist.", 404);
  }

  public static AwsError invalidVersionId() { return invalidArgument("Invalid version id specified"); }

  /** GET/HEAD of a key whose current version is a delete marker (S3 User Guide, "Working with delete markers"). */
  public static AwsError currentIsDeleteMarker(String versionId) {
    return new HeaderedError(noSuchKey(), Map.of("x-amz-delete-marker", "true", "x-amz-version-id", versionId));
  }

  /** GET/HEAD of a delete marker by its version id: 405, with the marker's headers. */
  public static AwsError versionIsDeleteMarker(String versionId, String lastModified) {
    return new HeaderedError(methodNotAllowed(), Map.of("x-amz-delete-marker", "true",
        "x-amz-version-id", versionId, "last-modified", lastModified));
  }

  public static AwsError noSuchUpload() {
    return new AwsError("NoSuchUpload", "The specified multipart upload does not exist. The upload ID might be invalid,"
        + " or the multipart upload might have been aborted or completed.", 404);
  }

  public static AwsError bucketAlreadyOwnedByYou() {
    return new AwsError("BucketAlreadyOwnedByYou",
        "Your previous request to create the named bucket succeeded and you already own it.", 409);
  }

  public static AwsError bucketNotEmpty() {
    return new AwsError("BucketNotEmpty", "The bucket you tried to delete is not empty", 409);
  }

  public static AwsError invalidBucketName() {
    return new AwsError("InvalidBucketName", "The specified bucket is not valid.", 400);
  }

  public static AwsError invalidArgument(String message) { return new AwsError("InvalidArgument", message, 400); }

  public static AwsError invalidRequest(String message) { return new AwsError("InvalidRequest", message, 400); }

  public static AwsError invalidRange() {
    return new AwsError("InvalidRange", "The requested range is not satisfiable", 416);
  }

  public static AwsError preconditionFailed() {
    return new AwsError("PreconditionFailed", "At least one of the pre-conditions you specified did not hold", 412);
  }

  /** 304: not an error to S3 clients, but it ends the request the same way. */
  public static AwsError notModified() { return new AwsError("NotModified", "Not Modified", 304); }

  public static AwsError badDigest(String what) {
    return new AwsError("BadDigest", "The " + what + " you specified did not match the calculated checksum.", 400);
  }

  public static AwsError invalidDigest() {
    return new AwsError("InvalidDigest", "The Content-MD5 you specified is not valid.", 400);
  }

  public static AwsError malformedXml() {
    return new AwsError("MalformedXML", "The XML you provided was not well-formed or did not validate against our"
        + " published schema", 400);
  }

  public static AwsError invalidPart(String message) { return new AwsError("InvalidPart", message, 400); }

  public static AwsError invalidPartOrder() {
    return new AwsError("InvalidPartOrder", "The list of parts was not in ascending order. The parts list must be"
        + " specified in order by part number.", 400);
  }

  public static AwsError entityTooSmall() {
    return new AwsError("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size.", 400);
  }

  public static AwsError entityTooLarge() {
    return new AwsError("EntityTooLarge", "Your proposed upload exceeds the maximum allowed object size.", 400);
  }

  public static AwsError accessDenied() { return new AwsError("AccessDenied", "Access Denied", 403); }

  public static AwsError accessDeniedBecause(String message) { return new AwsError("AccessDenied", message, 403); }

  public static AwsError methodNotAllowed() {
    return new AwsError("MethodNotAllowed", "The specified method is not allowed against this resource.", 405);
  }

  public static AwsError notImplemented(String what) {
    return new AwsError("NotImplemented", "A header or query you provided implies functionality that is not"
        + " implemented: " + what, 501);
  }

  public static AwsError incompleteBody() {
    return new AwsError("IncompleteBody", "You did not provide the number of bytes specified by the Content-Length"
        + " HTTP header.", 400);
  }

  public static AwsError contentSha256Mismatch() {
    return new AwsError("XAmzContentSHA256Mismatch",
        "The provided 'x-amz-content-sha256' header does not match what was computed.", 400);
  }

  public static AwsError keyTooLong() {
    return new AwsError("KeyTooLongError", "Your key is too long", 400);
  }

  public static AwsError noSuchTagSet() { return new AwsError("NoSuchTagSet", "The TagSet does not exist", 404); }

  public static AwsError invalidAccessKeyId() {
    return new AwsError("InvalidAccessKeyId",
        "The AWS Access Key Id you provided does not exist in our records.", 403);
  }

  public static AwsError requestTimeTooSkewed(String message) {
    return new AwsError("RequestTimeTooSkewed",
        "The difference between the request time and the current time is too large. " + message, 403);
  }

  public static AwsError signatureDoesNotMatch() {
    return new AwsError("SignatureDoesNotMatch", "The request signature we calculated does not match the signature"
        + " you provided. Check your key and signing method.", 403);
  }

  public static AwsError accessControlListNotSupported() {
    return new AwsError("AccessControlListNotSupported", "The bucket does not allow ACLs", 400);
  }
}

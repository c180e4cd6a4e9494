package io.thingtank.aws;

/** Errors common to every AWS service (the "common errors" of the AWS API references). */
public final class AwsErrors {
  private AwsErrors() {}

  public static AwsError internalFailure(Throwable cause) {
    org.slf4j.LoggerFactory.getLogger(AwsErrors.class).error("internal failure", cause);
    return new AwsError("InternalFailure",
        "The request processing has failed because of an unknown error, exception or failure.", 500);
  }

  public static AwsError notImplemented(String operation) {
    return new AwsError("NotImplemented", "The operation " + operation + " is not implemented by ThingTank.", 501);
  }

  public static AwsError invalidAction(String action) {
    return new AwsError("InvalidAction",
        "The action or operation requested is invalid. Verify that the action is typed correctly: " + action, 400);
  }

  public static AwsError unknownOperation(String target) {
    return new AwsError("UnknownOperationException", "Unknown operation " + target, 400);
  }

  public static AwsError serialization(String message) {
    return new AwsError("SerializationException", message, 400);
  }

  public static AwsError malformedQueryString(String message) {
    return new AwsError("MalformedQueryString", message, 404);
  }

  public static AwsError missingParameter(String name) {
    return new AwsError("MissingParameter",
        "The request must contain the parameter " + name + ".", 400);
  }

  public static AwsError invalidParameterValue(String message) {
    return new AwsError("InvalidParameterValue", message, 400);
  }

  public static AwsError missingAuthenticationToken() {
    return new AwsError("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
  }

  public static AwsError incompleteSignature(String message) {
    return new AwsError("IncompleteSignature", message, 403);
  }

  public static AwsError invalidClientTokenId() {
    return new AwsError("InvalidClientTokenId",
        "The security token included in the request is invalid.", 403);
  }

  public static AwsError signatureDoesNotMatch() {
    return new AwsError("SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
        403);
  }

  public static AwsError requestExpired(String message) {
    return new AwsError("RequestExpired", message, 403);
  }
}

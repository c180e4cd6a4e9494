package io.thingtank.sqs;

import io.thingtank.aws.AwsError;

/**
 * SQS's own errors (API reference 2012-11-05, "Errors" of each action). The code is the error
 * shape name the JSON protocol sends in {@code __type}; the query code is the legacy code query
 * clients and {@code x-amzn-query-error} see (as the AWS SDKs map them). Every SQS error is a
 * client error with HTTP 400, as the SDK's modelled exceptions declare.
 */
public final class SqsErrors {
  private static final String LEGACY = "AWS.SimpleQueueService.";

  private SqsErrors() {}

  public static AwsError queueDoesNotExist() {
    return new AwsError("QueueDoesNotExist", "The specified queue does not exist.", 400, LEGACY + "NonExistentQueue");
  }

  public static AwsError queueNameExists(String name) {
    return new AwsError("QueueNameExists",
        "A queue already exists with the same name and a different value for attribute(s): " + name, 400,
        "QueueAlreadyExists");
  }

  public static AwsError queueDeletedRecently() {
    return new AwsError("QueueDeletedRecently",
        "You must wait 60 seconds after deleting a queue before you can create another with the same name.", 400,
        LEGACY + "QueueDeletedRecently");
  }

  public static AwsError purgeQueueInProgress(String queueUrl) {
    return new AwsError("PurgeQueueInProgress", "Only one PurgeQueue operation on " + queueUrl
        + " is allowed every 60 seconds.", 400, LEGACY + "PurgeQueueInProgress");
  }

  public static AwsError receiptHandleIsInvalid(String handle) {
    return new AwsError("ReceiptHandleIsInvalid", "The input receipt handle \"" + handle + "\" is not a valid receipt handle.",
        400, "ReceiptHandleIsInvalid");
  }

  public static AwsError messageNotInflight() {
    return new AwsError("MessageNotInflight", "The message referred to isn't in flight.", 400, LEGACY + "MessageNotInflight");
  }

  public static AwsError emptyBatchRequest(String entryShape) {
    return new AwsError("EmptyBatchRequest", "There should be at least one " + entryShape + " in the request.", 400,
        LEGACY + "EmptyBatchRequest");
  }

  public static AwsError tooManyEntriesInBatchRequest(int count) {
    return new AwsError("TooManyEntriesInBatchRequest", "Maximum number of entries per request are 10. You have sent "
        + count + ".", 400, LEGACY + "TooManyEntriesInBatchRequest");
  }

  public static AwsError batchEntryIdsNotDistinct(String id) {
    return new AwsError("BatchEntryIdsNotDistinct", "Id " + id + " repeated.", 400, LEGACY + "BatchEntryIdsNotDistinct");
  }

  public static AwsError invalidBatchEntryId() {
    return new AwsError("InvalidBatchEntryId", "A batch entry id can only contain alphanumeric characters, hyphens and"
        + " underscores. It can be at most 80 letters long.", 400, LEGACY + "InvalidBatchEntryId");
  }

  public static AwsError batchRequestTooLong(long bytes, long max) {
    return new AwsError("BatchRequestTooLong", "Batch requests cannot be longer than " + max + " bytes. You have sent "
        + bytes + " bytes.", 400, LEGACY + "BatchRequestTooLong");
  }

  public static AwsError invalidAttributeName(String name) {
    return new AwsError("InvalidAttributeName", "Unknown Attribute " + name + ".", 400, "InvalidAttributeName");
  }

  public static AwsError invalidAttributeValue(String message) {
    return new AwsError("InvalidAttributeValue", message, 400, "InvalidAttributeValue");
  }

  public static AwsError invalidMessageContents(String message) {
    return new AwsError("InvalidMessageContents", message, 400, "InvalidMessageContents");
  }

  public static AwsError overLimit(String message) {
    return new AwsError("OverLimit", message, 400, "OverLimit");
  }

  public static AwsError unsupportedOperation(String message) {
    return new AwsError("UnsupportedOperation", message, 400, LEGACY + "UnsupportedOperation");
  }

  public static AwsError resourceNotFound(String message) {
    return new AwsError("ResourceNotFoundException", message, 400, "ResourceNotFoundException");
  }

  /** InvalidParameterValue in the words SQS uses: "Value v for parameter P is invalid. Reason: r." */
  public static AwsError invalidParameter(String parameter, Object value, String reason) {
    return new AwsError("InvalidParameterValue",
        "Value " + value + " for parameter " + parameter + " is invalid. Reason: " + reason, 400);
  }

  public static AwsError invalidParameterValue(String message) {
    return new AwsError("InvalidParameterValue", message, 400);
  }

  public static AwsError missingParameter(String name) {
    return new AwsError("MissingParameter", "The request must contain the parameter " + name + ".", 400);
  }
}

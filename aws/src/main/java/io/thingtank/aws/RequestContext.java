package io.thingtank.aws;

/**
 * Who asks, where, and how they reached us; handed to every {@link OperationHandler}.
 *
 * @param accountId   the account (12 digits)
 * @param region      from the SigV4 credential scope (or the configured default)
 * @param accessKeyId the verified caller's key; null for anonymous requests (presigned or public S3 reads)
 * @param requestId   a unique id echoed in {@code x-amzn-RequestId}
 * @param endpoint    scheme://host[:port] as the client addressed us (for QueueUrl and similar)
 * @param receivedMillis when the request arrived, by the platform clock
 */
public record RequestContext(
    String accountId,
    String region,
    String accessKeyId,
    String requestId,
    String endpoint,
    long receivedMillis) {
}

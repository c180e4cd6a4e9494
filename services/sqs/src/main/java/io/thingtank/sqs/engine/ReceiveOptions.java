package io.thingtank.sqs.engine;

/**
 * What one ReceiveMessage asks for.
 *
 * @param visibilityTimeoutSeconds for the messages received (the request's or the queue's)
 * @param attemptId FIFO ReceiveRequestAttemptId, or null
 * @param waitMillis long-poll time left
 */
public record ReceiveOptions(int max, int visibilityTimeoutSeconds, String attemptId, long waitMillis) {}

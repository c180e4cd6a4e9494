package io.thingtank.sqs.engine;

/**
 * A snapshot of one message move task (StartMessageMoveTask): status RUNNING, COMPLETED,
 * CANCELLING, CANCELLED or FAILED, and its progress.
 */
public record MoveTask(String handle, String status, String sourceArn, String destinationArn,
    Integer maxPerSecond, long moved, long toMove, String failureReason, long startedMillis) {}

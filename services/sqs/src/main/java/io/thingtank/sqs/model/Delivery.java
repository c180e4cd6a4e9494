package io.thingtank.sqs.model;

/**
 * Where a message stands: when it is next visible, how often it was received, and the nonce
 * of its current receipt handle (a new one per receive, so older handles no longer match).
 */
public record Delivery(long visibleAt, int receiveCount, long firstReceiveMillis, long receiptNonce) {}

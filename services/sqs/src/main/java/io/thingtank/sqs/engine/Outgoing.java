package io.thingtank.sqs.engine;

import io.thingtank.sqs.model.MessageAttribute;
import java.util.Map;

/**
 * A checked message to enqueue (SendMessage or one SendMessageBatch entry).
 *
 * @param delaySeconds per-message delay, or null for the queue's DelaySeconds
 * @param deduplicationId FIFO deduplication id (already content-based when the queue says so), or null
 */
public record Outgoing(String body, String md5OfBody, Map<String, MessageAttribute> attributes,
    MessageAttribute traceHeader, Integer delaySeconds, String groupId, String deduplicationId, String senderId) {}

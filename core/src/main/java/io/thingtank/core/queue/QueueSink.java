package io.thingtank.core.queue;

import io.vertx.core.Future;

/**
 * Delivers messages into a queue of this process by ARN (S3 event notifications to SQS, and any
 * other service that targets a queue). Provided by the SQS service with
 * {@code platform.provide(QueueSink.class, ...)}. Thread-safe.
 */
public interface QueueSink {
  /** Whether a queue with this ARN exists now (S3 validates notification targets with this). */
  boolean exists(String queueArn);

  /**
   * Sends one message; the future completes once the message is durable, or fails with the
   * service's error (no such queue, message too large). {@code groupId} is used by FIFO queues
   * and ignored by standard ones; the deduplication id is derived from the body's hash.
   */
  Future<String> send(String queueArn, String body, String groupId);
}

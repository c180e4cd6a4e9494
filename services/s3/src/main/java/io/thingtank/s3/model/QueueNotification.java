package io.thingtank.s3.model;

import java.util.List;

/**
 * One QueueConfiguration of a bucket's notification configuration (S3 API Reference,
 * PutBucketNotificationConfiguration): the events ({@code s3:ObjectCreated:*}, ...) that send
 * an S3 event message to {@code queueArn}, for keys matching the prefix and suffix (null: any).
 */
public record QueueNotification(String id, String queueArn, List<String> events, String prefix, String suffix) {}

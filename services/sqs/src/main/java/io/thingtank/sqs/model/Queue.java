package io.thingtank.sqs.model;

import java.util.Map;

/**
 * One queue's settings: what CreateQueue, SetQueueAttributes, TagQueue and AddPermission change.
 * Immutable; a change makes a new record. Attribute values are the strings SQS returns (defaults
 * filled in at creation); the typed accessors read them.
 *
 * @param id          internal id, the prefix of the queue's message keys
 * @param attributes  settable attributes only (names as in {@link QueueAttributes})
 */
public record Queue(long id, String account, String region, String name, Map<String, String> attributes,
    Map<String, String> tags, long createdMillis, long modifiedMillis) {

  public Queue {
    attributes = Map.copyOf(attributes);
    tags = Map.copyOf(tags);
  }

  public boolean fifo() { return "true".equals(attributes.get(QueueAttributes.FIFO_QUEUE)); }

  public String arn() { return "arn:aws:sqs:" + region + ":" + account + ":" + name; }

  public String url(String endpoint) { return endpoint + "/" + account + "/" + name; }

  public int delaySeconds() { return intAttribute(QueueAttributes.DELAY_SECONDS, 0); }

  public int visibilityTimeout() { return intAttribute(QueueAttributes.VISIBILITY_TIMEOUT, 30); }

  public int maximumMessageSize() { return intAttribute(QueueAttributes.MAXIMUM_MESSAGE_SIZE, QueueAttributes.MAX_MESSAGE_BYTES); }

  public int retentionSeconds() { return intAttribute(QueueAttributes.MESSAGE_RETENTION_PERIOD, 345_600); }

  public int receiveWaitSeconds() { return intAttribute(QueueAttributes.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, 0); }

  public boolean contentBasedDeduplication() {
    return "true".equals(attributes.get(QueueAttributes.CONTENT_BASED_DEDUPLICATION));
  }

  /** FIFO high throughput: deduplication per message group instead of per queue. */
  public boolean deduplicationPerGroup() {
    return "messageGroup".equals(attributes.get(QueueAttributes.DEDUPLICATION_SCOPE));
  }

  public Queue withAttributes(Map<String, String> changed, long now) {
    return new Queue(id, account, region, name, changed, tags, createdMillis, now);
  }

  public Queue withTags(Map<String, String> changed) {
    return new Queue(id, account, region, name, attributes, changed, createdMillis, modifiedMillis);
  }

  private int intAttribute(String name, int fallback) {
    String v = attributes.get(name);
    return v == null ? fallback : Integer.parseInt(v);
  }
}

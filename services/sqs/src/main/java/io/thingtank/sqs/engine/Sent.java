package io.thingtank.sqs.engine;

/** The outcome of one enqueued message: its id and sequence number (the first send's, if deduplicated). */
public record Sent(String messageId, long seq) {
  public String sequenceNumber() { return String.format("%020d", seq); }
}

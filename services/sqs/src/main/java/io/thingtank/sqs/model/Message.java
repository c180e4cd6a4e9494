package io.thingtank.sqs.model;

import java.util.Map;

/**
 * A message as sent: immutable, stored once. Its delivery state (visibility, receive count)
 * lives in {@link Delivery}.
 *
 * @param seq          per-store increasing number: the message's key and a FIFO queue's SequenceNumber
 * @param traceHeader  the AWSTraceHeader system attribute, or null
 * @param groupId      MessageGroupId (FIFO, or fair standard queues), or null
 * @param deduplicationId the (possibly content-based) MessageDeduplicationId of a FIFO message, or null
 * @param deadLetterSourceArn the queue it came from when moved to a dead-letter queue, or null
 */
public record Message(long seq, String messageId, String body, Map<String, MessageAttribute> attributes,
    MessageAttribute traceHeader, long sentMillis, String senderId, String groupId, String deduplicationId,
    String deadLetterSourceArn, String md5OfBody) {

  public Message {
    attributes = Map.copyOf(attributes);
  }

  /** The same message under a new key in another queue (a dead-letter or redrive move). */
  public Message movedTo(long newSeq, String sourceArn) {
    return new Message(newSeq, messageId, body, attributes, traceHeader, sentMillis, senderId, groupId,
        deduplicationId, sourceArn, md5OfBody);
  }

  /** The FIFO SequenceNumber: a large, increasing decimal number, as SQS writes it (up to 128 bits). */
  public String sequenceNumber() { return String.format("%020d", seq); }
}

package io.thingtank.sqs.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Key layout of the {@code sqs} table. All numbers are 8-byte big-endian (sequence numbers and
 * queue ids are non-negative, so byte order is numeric order).
 * <pre>
 * 0x01 account UTF-8 0x00 name UTF-8          queue settings (JSON)
 * 0x02 queueId:8 seq:8                         message (binary, {@link Records#message})
 * 0x03 queueId:8 seq:8                         delivery: visibleAt:8 receiveCount:4 firstReceive:8 nonce:8
 * 0x04 queueId:8 dedupKey UTF-8                FIFO deduplication: seq:8 sentMillis:8 messageId UTF-8
 * </pre>
 * Messages and deliveries sort by sequence number, so start-up reads a queue in send order.
 * The receive path never scans the table: it works on the in-memory visibility index
 * ({@code QueueState}) and reads bodies by point lookup.
 */
public final class QueueKeys {
  static final byte QUEUE = 0x01;
  static final byte MESSAGE = 0x02;
  static final byte DELIVERY = 0x03;
  static final byte DEDUPLICATION = 0x04;

  private QueueKeys() {}

  static byte[] queue(String account, String name) {
    byte[] a = account.getBytes(StandardCharsets.UTF_8);
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(a.length + n.length + 3).put(QUEUE).put(a).put((byte) 0).put(n).put((byte) 0).array();
  }

  static byte[] queues() { return new byte[] {QUEUE}; }

  static byte[] message(long queueId, long seq) { return ByteBuffer.allocate(17).put(MESSAGE).putLong(queueId).putLong(seq).array(); }

  static byte[] delivery(long queueId, long seq) { return ByteBuffer.allocate(17).put(DELIVERY).putLong(queueId).putLong(seq).array(); }

  static byte[] deduplication(long queueId, String key) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(9 + k.length).put(DEDUPLICATION).putLong(queueId).put(k).array();
  }

  /** The prefix {@code kind queueId} of one queue's keys of a kind. */
  static byte[] prefix(byte kind, long queueId) { return ByteBuffer.allocate(9).put(kind).putLong(queueId).array(); }

  static long seq(byte[] key) { return ByteBuffer.wrap(key, 9, 8).getLong(); }

  static String dedupKey(byte[] key) { return new String(key, 9, key.length - 9, StandardCharsets.UTF_8); }
}

package io.thingtank.sqs.engine;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * A receipt handle: which queue and message, and the nonce of the receive that produced it
 * (URL-safe Base64 of {@code queueId:8 seq:8 nonce:8}). A later receive draws a new nonce, so
 * older handles stop matching.
 */
public record ReceiptHandle(long queueId, long seq, long nonce) {

  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(ByteBuffer.allocate(24).putLong(queueId).putLong(seq).putLong(nonce).array());
  }

  /** The handle, or null when {@code text} is not one of ours. */
  public static ReceiptHandle decode(String text) {
    if (text == null || text.length() != 32) return null;
    try {
      ByteBuffer b = ByteBuffer.wrap(Base64.getUrlDecoder().decode(text));
      return new ReceiptHandle(b.getLong(), b.getLong(), b.getLong());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

package io.thingtank.s3.checksum;

import java.nio.ByteBuffer;

/**
 * A {@link Hasher} whose code reads byte arrays: a heap buffer is hashed in place as an array
 * slice, a direct buffer (Netty's, from the request body) is copied through one reused 8 KiB
 * array, so no body allocates per chunk. One per body; not thread-safe.
 */
abstract class ArrayHasher implements Hasher {
  private byte[] scratch;

  @Override
  public final void update(ByteBuffer buf) {
    if (buf.hasArray()) {
      update(buf.array(), buf.arrayOffset() + buf.position(), buf.remaining());
      buf.position(buf.limit());
      return;
    }
    if (scratch == null) scratch = new byte[8192];
    while (buf.hasRemaining()) {
      int n = Math.min(scratch.length, buf.remaining());
      buf.get(scratch, 0, n);
      update(scratch, 0, n);
    }
  }
}

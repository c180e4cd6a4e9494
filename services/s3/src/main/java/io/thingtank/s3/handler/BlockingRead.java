package io.thingtank.s3.handler;

import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;

/**
 * An operation made only of store point reads and blob reads, which need no write ordering: the
 * dispatcher authorises it and tries {@link #readSmall} right on the event loop (nginx serves
 * cached files from its event loops the same way); when that declines, {@link #read} runs in one
 * task on any worker thread instead of the bucket's stripe.
 */
public interface BlockingRead extends S3Handler {
  /** Blocks; runs on a Vert.x worker. */
  S3Response read(S3Call call);

  /**
   * The response when it needs no blocking call beyond store point reads and a small file read
   * (page cache), else null; runs on the event loop.
   */
  S3Response readSmall(S3Call call);
}

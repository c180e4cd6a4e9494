package io.thingtank.s3.handler;

import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;

/**
 * An operation made only of store point reads and blob reads, which need no write ordering: the
 * dispatcher authorises and runs it in one task on any worker thread instead of the bucket's
 * stripe. {@link #read} blocks; it runs on a Vert.x worker.
 */
public interface BlockingRead extends S3Handler {
  S3Response read(S3Call call);
}

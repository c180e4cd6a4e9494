package io.thingtank.s3.handler;

import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.vertx.core.Future;

/** One S3 operation (or a closely related group). Called on the event loop; must not block. */
@FunctionalInterface
public interface S3Handler {
  Future<S3Response> handle(S3Call call);
}

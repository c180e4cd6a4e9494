package io.thingtank.s3.handler;

import io.thingtank.s3.access.Authorizer;
import io.thingtank.s3.model.Bucket;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.vertx.core.Future;

/**
 * An operation that, for the calls it chooses, runs the authorisation itself inside its one task
 * on the bucket's stripe (one thread hop per request instead of two); the dispatcher then skips
 * its own authorisation step. An authorisation error must still win over any error the call
 * meets before that task. Called on the event loop.
 */
public interface SelfAuthorising extends S3Handler {
  /** Whether {@link #handle(S3Call, Authorizer)} answers {@code call}, authorising it on the way. */
  boolean authorisesItself(S3Call call);

  /** Runs {@code call}, with {@code authorizer} checked before any effect, on the bucket's stripe. */
  Future<Authorised> handle(S3Call call, Authorizer authorizer);

  /** The response and the bucket the call was authorised against (for CORS headers). */
  record Authorised(Bucket bucket, S3Response response) {}
}

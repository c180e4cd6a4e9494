package io.thingtank.aws;

import io.thingtank.core.Platform;
import io.vertx.core.Future;
import java.util.List;

/**
 * An AWS-compatible service behind the gateway (SQS, S3, DynamoDB, ...): its wire model and its
 * operation handlers. The gateway decodes requests with the protocol codec and dispatches them
 * here by request type; operations without a handler answer {@code NotImplemented}.
 */
public interface AwsService {
  AwsServiceModel model();

  /** Opens stores and starts background work (retention sweeps, lifecycle); before any request. */
  Future<?> start(Platform platform);

  default Future<?> stop() { return Future.succeededFuture(); }

  /** The handlers; valid after {@link #start}. */
  List<OperationHandler<?, ?>> handlers();

  /**
   * Whether unsigned requests reach the handlers (S3 decides per bucket policy and ACL); other
   * services answer MissingAuthenticationToken to them.
   */
  default boolean allowsAnonymous() { return false; }

  /** SigV4 for S3 signs the path encoded once (and no path normalisation); all others twice. */
  default boolean signsSingleEncodedPath() { return false; }
}

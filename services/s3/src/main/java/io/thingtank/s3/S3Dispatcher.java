package io.thingtank.s3;

import io.thingtank.aws.AwsError;
import io.thingtank.aws.StreamingAwsService;
import io.thingtank.aws.auth.SigV4Result;
import io.thingtank.s3.access.Authorizer;
import io.thingtank.s3.handler.BlockingRead;
import io.thingtank.s3.handler.CorsHandlers;
import io.thingtank.s3.handler.S3Handler;
import io.thingtank.s3.handler.SelfAuthorising;
import io.thingtank.s3.model.Bucket;
import io.thingtank.s3.wire.ResponseWriter;
import io.thingtank.s3.wire.S3Address;
import io.thingtank.s3.wire.S3Addressing;
import io.thingtank.s3.wire.S3Auth;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Operation;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.S3Routes;
import io.thingtank.s3.wire.body.BodyReceiver;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The S3 request path: address (path or virtual host), SigV4, route, authorise ({@link Authorizer}), run the
 * operation's handler, write the response or the S3 error. The request stays paused until a
 * handler reads the body. Event-loop only, but for {@link BlockingRead} operations too large to
 * answer on the event loop, which read on a worker, and {@link SelfAuthorising} ones, which
 * authorise on the bucket's stripe inside their own task.
 */
final class S3Dispatcher {
  /** Operations with a handler that are addressed by a subresource in {@link S3Routes#unsupported}'s list. */
  private static final Set<S3Operation> HANDLED_SUBRESOURCES = Set.of(S3Operation.GetBucketVersioning,
      S3Operation.PutBucketVersioning, S3Operation.PutBucketLifecycleConfiguration,
      S3Operation.GetBucketLifecycleConfiguration, S3Operation.DeleteBucketLifecycle);

  private final S3Addressing addressing;
  private final Map<S3Operation, S3Handler> handlers;
  private final S3Context ctx;
  private final Authorizer authorizer;

  S3Dispatcher(S3Addressing addressing, Map<S3Operation, S3Handler> handlers, S3Context ctx) {
    this.addressing = addressing;
    this.handlers = handlers;
    this.ctx = ctx;
    this.authorizer = new Authorizer(ctx);
  }

  void dispatch(HttpServerRequest http, StreamingAwsService.Head head) {
    http.pause();
    String requestId = head.requestId();
    String resource = http.path();
    try {
      S3Address address = addressing.resolve(head.request().header("host"), head.request().rawPath());
      SigV4Result auth = S3Auth.verify(head);
      var query = head.request().queryParams();
      S3Operation op = S3Routes.route(http.method().name(), address, query, http::getHeader);
      if (op == null) throw S3Errors.methodNotAllowed();
      S3Handler handler = handlers.get(op);
      if (handler == null) throw S3Errors.notImplemented(op.name());
      String unsupported = S3Routes.unsupported(query);
      if (unsupported != null && !HANDLED_SUBRESOURCES.contains(op)) throw S3Errors.notImplemented("?" + unsupported);
      String region = auth.anonymous() ? head.defaultRegion() : auth.credential().region();
      S3Call call = new S3Call(op, address, http, query, auth, requestId, region, head.receivedMillis(),
          new BodyReceiver(http, auth));
      answer(call, handler)
          .onSuccess(res -> ResponseWriter.write(http, res, requestId))
          .onFailure(e -> ResponseWriter.error(http, AwsError.from(e), resource, requestId));
    } catch (RuntimeException e) {
      ResponseWriter.error(http, AwsError.from(e), resource, requestId);
    }
  }

  /**
   * Authorises and runs the handler; a {@link BlockingRead} of a bucket is authorised on the event
   * loop and answered there when small (no thread hop), else read on any worker; a
   * {@link SelfAuthorising} handler authorises inside its own stripe task when it says so.
   */
  private Future<S3Response> answer(S3Call call, S3Handler handler) {
    if (handler instanceof BlockingRead read && call.bucket() != null) {
      Bucket bucket;
      try {
        bucket = authorizer.check(call);
        S3Response now = read.readSmall(call);
        if (now != null) return Future.succeededFuture(decorated(call, bucket, now));
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
      return ctx.onAnyWorker(() -> read.read(call)).map(res -> decorated(call, bucket, res));
    }
    if (handler instanceof SelfAuthorising own && call.bucket() != null && own.authorisesItself(call)) {
      return own.handle(call, authorizer).map(a -> decorated(call, a.bucket(), a.response()));
    }
    return bucketOf(call).compose(bucket -> handler.handle(call).map(res -> decorated(call, bucket, res)));
  }

  private static S3Response decorated(S3Call call, Bucket bucket, S3Response res) {
    CorsHandlers.decorate(call, bucket, res);
    return res;
  }

  /** Authorises on the bucket's stripe (reading its ACL, policy and settings); the bucket, or null. */
  private Future<Bucket> bucketOf(S3Call call) {
    if (call.bucket() == null) return Future.succeededFuture(authorizer.check(call));
    return ctx.onBucket(call.bucket(), () -> authorizer.check(call));
  }

  static List<String> defaultDomains() { return List.of("s3.localhost", "localhost"); }
}

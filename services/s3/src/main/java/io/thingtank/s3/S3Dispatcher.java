package io.thingtank.s3;

import io.thingtank.aws.AwsError;
import io.thingtank.aws.StreamingAwsService;
import io.thingtank.aws.auth.SigV4Result;
import io.thingtank.s3.handler.S3Handler;
import io.thingtank.s3.model.Bucket;
import io.thingtank.s3.wire.ResponseWriter;
import io.thingtank.s3.wire.S3Address;
import io.thingtank.s3.wire.S3Addressing;
import io.thingtank.s3.wire.S3Auth;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Operation;
import io.thingtank.s3.wire.S3Routes;
import io.thingtank.s3.wire.body.BodyReceiver;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The S3 request path: address (path or virtual host), SigV4, route, authorise, run the
 * operation's handler, write the response or the S3 error. The request stays paused until a
 * handler reads the body. Event-loop only.
 */
final class S3Dispatcher {
  private static final Set<S3Operation> PUBLIC_READ = Set.of(S3Operation.GetObject, S3Operation.HeadObject,
      S3Operation.ListObjects, S3Operation.ListObjectsV2, S3Operation.HeadBucket);
  private static final Set<S3Operation> PUBLIC_WRITE = Set.of(S3Operation.PutObject, S3Operation.DeleteObject);

  private final S3Addressing addressing;
  private final Map<S3Operation, S3Handler> handlers;
  private final S3Context ctx;

  S3Dispatcher(S3Addressing addressing, Map<S3Operation, S3Handler> handlers, S3Context ctx) {
    this.addressing = addressing;
    this.handlers = handlers;
    this.ctx = ctx;
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
      String region = auth.anonymous() ? head.defaultRegion() : auth.credential().region();
      S3Call call = new S3Call(op, address, http, query, auth, requestId, region, head.receivedMillis(),
          new BodyReceiver(http, auth));
      authorize(call)
          .compose(v -> handler.handle(call))
          .onSuccess(res -> ResponseWriter.write(http, res, requestId))
          .onFailure(e -> ResponseWriter.error(http, AwsError.from(e), resource, requestId));
    } catch (RuntimeException e) {
      ResponseWriter.error(http, AwsError.from(e), resource, requestId);
    }
  }

  /** Signed callers own everything; anonymous ones get what the bucket's canned ACL grants. */
  private Future<Void> authorize(S3Call call) {
    // POST uploads carry their own signature (the policy's) in the form; PostObjectHandler checks it.
    if (!call.auth().anonymous() || call.operation() == S3Operation.PostObject) return Future.succeededFuture();
    if (call.bucket() == null || !(PUBLIC_READ.contains(call.operation()) || PUBLIC_WRITE.contains(call.operation()))) {
      return Future.failedFuture(S3Errors.accessDenied());
    }
    return ctx.onBucket(call.bucket(), () -> ctx.store().bucket(call.bucket())).map(b -> {
      String acl = b.map(Bucket::acl).orElse("private");
      boolean read = acl.equals("public-read") || acl.equals("public-read-write");
      boolean write = acl.equals("public-read-write");
      if (PUBLIC_READ.contains(call.operation()) ? read : write) return null;
      throw S3Errors.accessDenied();
    });
  }

  static List<String> defaultDomains() { return List.of("s3.localhost", "localhost"); }
}

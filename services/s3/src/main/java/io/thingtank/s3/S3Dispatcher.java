package io.thingtank.s3;

import io.thingtank.aws.AwsError;
import io.thingtank.aws.StreamingAwsService;
import io.thingtank.aws.auth.SigV4Result;
import io.thingtank.s3.access.Actions;
import io.thingtank.s3.access.BucketPolicy;
import io.thingtank.s3.handler.CorsHandlers;
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
  /** Operations with a handler that are addressed by a subresource in {@link S3Routes#unsupported}'s list. */
  private static final Set<S3Operation> HANDLED_SUBRESOURCES = Set.of(S3Operation.GetBucketVersioning,
      S3Operation.PutBucketNotificationConfiguration, S3Operation.GetBucketNotificationConfiguration);
  private static final Set<S3Operation> POLICY_OPS = Set.of(S3Operation.GetBucketPolicy, S3Operation.PutBucketPolicy,
      S3Operation.DeleteBucketPolicy);

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
      String unsupported = S3Routes.unsupported(query);
      if (unsupported != null && !HANDLED_SUBRESOURCES.contains(op)) throw S3Errors.notImplemented("?" + unsupported);
      String region = auth.anonymous() ? head.defaultRegion() : auth.credential().region();
      S3Call call = new S3Call(op, address, http, query, auth, requestId, region, head.receivedMillis(),
          new BodyReceiver(http, auth));
      bucketOf(call)
          .compose(bucket -> {
            authorize(call, bucket);
            return handler.handle(call).map(res -> {
              CorsHandlers.decorate(call, bucket, res);
              return res;
            });
          })
          .onSuccess(res -> ResponseWriter.write(http, res, requestId))
          .onFailure(e -> ResponseWriter.error(http, AwsError.from(e), resource, requestId));
    } catch (RuntimeException e) {
      ResponseWriter.error(http, AwsError.from(e), resource, requestId);
    }
  }

  private Future<Bucket> bucketOf(S3Call call) {
    if (call.bucket() == null) return Future.succeededFuture();
    return ctx.onBucket(call.bucket(), () -> ctx.store().bucket(call.bucket()).orElse(null));
  }

  /**
   * A bucket policy's explicit Deny refuses anyone (except the owner managing the policy itself);
   * signed callers may do everything else; anonymous ones what the policy allows or the canned ACL
   * grants. POST uploads carry their own signature in the form (checked by PostObjectHandler), and
   * CORS preflights are answered from the CORS rules.
   */
  private static void authorize(S3Call call, Bucket bucket) {
    S3Operation op = call.operation();
    if (op == S3Operation.CorsPreflight) return;
    boolean anonymous = call.auth().anonymous();
    BucketPolicy.Decision decision = BucketPolicy.Decision.NONE;
    if (bucket != null && bucket.policy() != null && !(POLICY_OPS.contains(op) && !anonymous)) {
      decision = BucketPolicy.parse(bucket.policy()).evaluate(Actions.action(op), Actions.resource(call), anonymous);
    }
    if (decision == BucketPolicy.Decision.DENY) throw S3Errors.accessDenied();
    if (!anonymous || op == S3Operation.PostObject || decision == BucketPolicy.Decision.ALLOW) return;
    String acl = bucket == null ? "private" : bucket.acl();
    boolean read = acl.equals("public-read") || acl.equals("public-read-write");
    boolean write = acl.equals("public-read-write");
    if (PUBLIC_READ.contains(op) ? read : PUBLIC_WRITE.contains(op) && write) return;
    throw S3Errors.accessDenied();
  }

  static List<String> defaultDomains() { return List.of("s3.localhost", "localhost"); }
}

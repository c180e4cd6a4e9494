package io.thingtank.s3.handler;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.access.Authorizer;
import io.thingtank.s3.access.BucketAccess;
import io.thingtank.s3.access.ObjectAcls;
import io.thingtank.s3.access.Principal;
import io.thingtank.s3.checksum.BodyDigests;
import io.thingtank.s3.model.Acl;
import io.thingtank.s3.model.Bucket;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.notify.EventOrigin;
import io.thingtank.s3.store.Blobs;
import io.thingtank.s3.version.ObjectVersions;
import io.thingtank.s3.version.VersionIds;
import io.thingtank.s3.wire.Preconditions;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.body.ReceivedBody;
import io.vertx.core.Future;
import io.vertx.core.internal.buffer.BufferInternal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PutObject: streams the body to a temp file (or, for a plain body of at most 1 MiB, reads it
 * into memory on the event loop), then in one task on the bucket's stripe checks conditional
 * writes (If-None-Match: *, If-Match), writes or renames the file into place and indexes it (a body
 * held in memory of at most {@link Blobs#INLINE_MAX} bytes is written inline, in the metadata's own
 * RocksDB batch, instead of to a file); only then answers. A body read into memory is authorised in that same task ({@link SelfAuthorising}). The new version replaces or joins the older ones as the bucket's versioning says.
 */
public final class PutObjectHandler implements SelfAuthorising {
  static final long MAX_OBJECT = 5L * 1024 * 1024 * 1024;
  /** Bodies up to this size are read into memory and written in one blocking call. */
  static final int MAX_IN_MEMORY = 1024 * 1024;
  private final S3Context ctx;

  private final ObjectVersions versions;

  public PutObjectHandler(S3Context ctx) {
    this.ctx = ctx;
    this.versions = new ObjectVersions(ctx);
  }

  /** Small plain bodies, unless the client waits for {@code 100 Continue}: it should hear a refusal before sending. */
  @Override
  public boolean authorisesItself(S3Call call) {
    return call.body().fitsInMemory(MAX_IN_MEMORY) && !"100-continue".equalsIgnoreCase(call.header("expect"));
  }

  /**
   * Reads the body into memory on the event loop, then authorises and commits in one task on the
   * bucket's stripe; an error met before that task (headers, body, digests) is thrown there only
   * after the authorisation passed, so AccessDenied and NoSuchBucket keep their precedence.
   */
  @Override
  public Future<Authorised> handle(S3Call call, Authorizer authorizer) {
    Future<Put> ready;
    try {
      Put put = Put.of(call, ctx.blobs().newId());
      ready = call.body().toMemory(MAX_IN_MEMORY, S3Errors.entityTooLarge()).map(put::with);
    } catch (RuntimeException e) {
      ready = Future.failedFuture(e);
    }
    return ready.transform(ar -> ctx.onBucket(call.bucket(), () -> {
      Bucket bucket = authorizer.check(call);
      if (ar.failed()) throw ar.cause() instanceof Exception e ? e : new IllegalStateException(ar.cause());
      return new Authorised(bucket, commit(call, ar.result()));
    }));
  }

  @Override
  public Future<S3Response> handle(S3Call call) {
    Put put = Put.of(call, ctx.blobs().newId());
    Future<ReceivedBody> received = call.body().fitsInMemory(MAX_IN_MEMORY)
        ? call.body().toMemory(MAX_IN_MEMORY, S3Errors.entityTooLarge())
        : Buckets.require(ctx, call.bucket()).compose(b -> call.body().toFile(ctx.vertx(),
            ctx.blobs().tempPath(put.blobId()), call.body().declaredAlgorithm(), MAX_OBJECT));
    return received
        .compose(body -> ctx.onBucket(call.bucket(), () -> commit(call, put.with(body))))
        .onFailure(e -> ctx.blobs().deleteTemp(put.blobId()));
  }

  /** On the bucket's stripe: checks the bucket and conditions, places the body, indexes the new version. */
  private S3Response commit(S3Call call, Put put) {
    ReceivedBody body = put.body();
    BodyDigests.Result d = body.digests();
    BucketAccess access = BucketAccess.load(ctx.store(), ctx.configs(), call.bucket())
        .orElseThrow(S3Errors::noSuchBucket);
    if (isConditional(call)) checkConditionalWrite(call, ctx.store().object(call.bucket(), call.key()));
    Principal writer = ctx.principals().of(call.auth());
    Acl acl = ObjectAcls.forNewObject(access, writer, call::header, ctx.principals());
    String blobId = put.blobId();
    byte[] inline = null;
    if (body.bytes() == null) {
      ctx.blobs().commit(blobId);
    } else if (Blobs.fitsInline(d.size())) {
      blobId = ctx.blobs().newInlineId();
      inline = body.bytes().getBytes();
    } else {
      ctx.blobs().commit(blobId, ((BufferInternal) body.bytes()).getByteBuf().nioBuffer());
    }
    ObjectMeta meta = versions.put(call.bucket(), new ObjectMeta(call.key(), blobId, d.size(), d.etag(),
        ctx.now(), put.content(), put.metadata(), ObjectHeaders.storageClass(call), d.algorithm(), d.checksum(),
        "FULL_OBJECT", List.of(), put.tags()).withAcl(acl), null, inline);
    ctx.events().created(call.bucket(), meta, "ObjectCreated:Put", EventOrigin.of(call, writer));
    var expiry = ctx.expirations().of(ctx.lifecycles().lifecycle(call.bucket()).orElse(null), meta);
    return S3Response.ok().header("x-amz-expiration", expiry == null ? null : expiry.header())
        .header("etag", meta.quotedEtag()).header("x-amz-version-id", VersionIds.ofWrite(meta))
        .header(meta.checksumAlgorithm().header(), meta.checksum()).header("x-amz-checksum-type", "FULL_OBJECT");
  }

  /** What the request headers say about the new object, its blob id, and (once read) its body. */
  private record Put(String blobId, Map<String, String> content, Map<String, String> metadata,
      Map<String, String> tags, ReceivedBody body) {
    /** Validates the key and the object headers (S3 errors on bad ones). */
    static Put of(S3Call call, String blobId) {
      ObjectHeaders.checkKey(call.key());
      return new Put(blobId, ObjectHeaders.content(call), ObjectHeaders.userMetadata(call),
          ObjectHeaders.tags(call.header("x-amz-tagging")), null);
    }

    Put with(ReceivedBody received) { return new Put(blobId, content, metadata, tags, received); }
  }

  /** Whether the request carries a conditional-write header (only then is the current object read). */
  static boolean isConditional(S3Call call) {
    return call.header("if-none-match") != null || call.header("if-match") != null;
  }

  /** S3 conditional writes: If-None-Match: * fails when the key exists, If-Match when the ETag differs. */
  static void checkConditionalWrite(S3Call call, Optional<ObjectMeta> existing) {
    String ifNoneMatch = call.header("if-none-match");
    String ifMatch = call.header("if-match");
    if (ifNoneMatch != null && existing.isPresent() && ifNoneMatch.trim().equals("*")) {
      throw S3Errors.preconditionFailed();
    }
    if (ifMatch != null) {
      if (existing.isEmpty()) throw S3Errors.noSuchKey();
      Preconditions.check(call, "", existing.get(), false);
    }
  }
}

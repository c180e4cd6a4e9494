package io.thingtank.s3.handler;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.access.BucketAccess;
import io.thingtank.s3.access.ObjectAcls;
import io.thingtank.s3.checksum.BodyDigests;
import io.thingtank.s3.model.Acl;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.version.ObjectVersions;
import io.thingtank.s3.version.VersionIds;
import io.thingtank.s3.wire.Preconditions;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.body.ReceivedBody;
import io.vertx.core.Future;
import io.vertx.core.internal.buffer.BufferInternal;
import java.util.List;
import java.util.Optional;

/**
 * PutObject: streams the body to a temp file (or, for a plain body of at most 1 MiB, reads it
 * into memory on the event loop), then in one task on the bucket's stripe checks conditional
 * writes (If-None-Match: *, If-Match), writes or renames the file into place and indexes it; only
 * then answers. The new version replaces or joins the older ones as the bucket's versioning says.
 */
public final class PutObjectHandler implements S3Handler {
  static final long MAX_OBJECT = 5L * 1024 * 1024 * 1024;
  /** Bodies up to this size are read into memory and written in one blocking call. */
  static final int MAX_IN_MEMORY = 1024 * 1024;
  private final S3Context ctx;

  private final ObjectVersions versions;

  public PutObjectHandler(S3Context ctx) {
    this.ctx = ctx;
    this.versions = new ObjectVersions(ctx);
  }

  @Override
  public Future<S3Response> handle(S3Call call) {
    ObjectHeaders.checkKey(call.key());
    var content = ObjectHeaders.content(call);
    var metadata = ObjectHeaders.userMetadata(call);
    var tags = ObjectHeaders.tags(call.header("x-amz-tagging"));
    var algorithm = call.body().declaredAlgorithm();
    String blobId = ctx.blobs().newId();
    Future<ReceivedBody> received = call.body().fitsInMemory(MAX_IN_MEMORY)
        ? call.body().toMemory(MAX_IN_MEMORY, S3Errors.entityTooLarge())
        : Buckets.require(ctx, call.bucket())
            .compose(b -> call.body().toFile(ctx.vertx(), ctx.blobs().tempPath(blobId), algorithm, MAX_OBJECT));
    return received
        .compose(body -> ctx.onBucket(call.bucket(), () -> {
          BodyDigests.Result d = body.digests();
          BucketAccess access = BucketAccess.load(ctx.store(), ctx.configs(), call.bucket())
              .orElseThrow(S3Errors::noSuchBucket);
          if (isConditional(call)) checkConditionalWrite(call, ctx.store().object(call.bucket(), call.key()));
          Acl acl = ObjectAcls.forNewObject(access, ctx.principals().of(call.auth()), call::header, ctx.principals());
          if (body.bytes() == null) {
            ctx.blobs().commit(blobId);
          } else {
            ctx.blobs().commit(blobId, ((BufferInternal) body.bytes()).getByteBuf().nioBuffer());
          }
          ObjectMeta meta = versions.put(call.bucket(), new ObjectMeta(call.key(), blobId, d.size(), d.etag(),
              ctx.now(), content, metadata, ObjectHeaders.storageClass(call), d.algorithm(), d.checksum(),
              "FULL_OBJECT", List.of(), tags).withAcl(acl), null);
          ctx.events().created(call.bucket(), meta, "ObjectCreated:Put");
          var expiry = ctx.expirations().of(ctx.lifecycles().lifecycle(call.bucket()).orElse(null), meta);
          return S3Response.ok().header("x-amz-expiration", expiry == null ? null : expiry.header())
              .header("etag", meta.quotedEtag()).header("x-amz-version-id", VersionIds.ofWrite(meta))
              .header(meta.checksumAlgorithm().header(), meta.checksum()).header("x-amz-checksum-type", "FULL_OBJECT");
        }))
        .onFailure(e -> ctx.blobs().deleteTemp(blobId));
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

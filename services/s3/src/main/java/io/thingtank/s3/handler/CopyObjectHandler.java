package io.thingtank.s3.handler;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.access.ObjectAcls;
import io.thingtank.s3.checksum.BodyDigests;
import io.thingtank.s3.checksum.ChecksumAlgorithm;
import io.thingtank.s3.model.Acl;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.notify.EventOrigin;
import io.thingtank.s3.version.ObjectVersions;
import io.thingtank.s3.version.VersionIds;
import io.thingtank.s3.wire.HttpDates;
import io.thingtank.s3.wire.Preconditions;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.XmlOut;
import io.vertx.core.Future;
import java.util.List;

/**
 * CopyObject (S3 API Reference, CopyObject): source conditions ({@code x-amz-copy-source-if-*}),
 * metadata and tagging directives (COPY or REPLACE), a source version ({@code ?versionId=}), and
 * the rule that an object copied onto itself must change something.
 */
public final class CopyObjectHandler implements S3Handler {
  private final S3Context ctx;

  public CopyObjectHandler(S3Context ctx) { this.ctx = ctx; }

  @Override
  public Future<S3Response> handle(S3Call call) {
    ObjectHeaders.checkKey(call.key());
    CopySource src = CopySource.parse(call.header("x-amz-copy-source"));
    String metadataDirective = directive(call.header("x-amz-metadata-directive"));
    String taggingDirective = directive(call.header("x-amz-tagging-directive"));
    boolean sameKey = src.bucket().equals(call.bucket()) && src.key().equals(call.key()) && src.versionId() == null;
    if (sameKey && metadataDirective.equals("COPY") && call.header("x-amz-storage-class") == null
        && call.header("x-amz-checksum-algorithm") == null) {
      return Future.failedFuture(S3Errors.invalidRequest("This copy request is illegal because it is trying to copy an"
          + " object to itself without changing the object's metadata, storage class, website redirect location or"
          + " encryption attributes."));
    }
    String blobId = ctx.blobs().newId();
    return Buckets.require(ctx, call.bucket())
        .compose(b -> src.lookup(ctx))
        .compose(source -> {
          Preconditions.check(call, "x-amz-copy-source-", source, false);
          ChecksumAlgorithm alg = ChecksumAlgorithm.parse(call.header("x-amz-checksum-algorithm"));
          ChecksumAlgorithm algorithm = alg != null ? alg : source.checksumAlgorithm();
          return ctx.vertx().executeBlocking(() -> BlobCopier.copy(ctx.blobs(),
              List.of(new BlobCopier.Source(source.blobId(), 0, source.size())),
              ctx.blobs().tempPath(blobId), algorithm, null), false)
              .compose(d -> ctx.onBucket(call.bucket(), () -> new Copied(source, store(call, source, d, blobId,
                  metadataDirective, taggingDirective))));
        })
        .map(c -> S3Response.xml(XmlOut.document("CopyObjectResult").el("ETag", c.stored().quotedEtag())
            .el("LastModified", HttpDates.iso(c.stored().lastModifiedMillis()))
            .el(c.stored().checksumAlgorithm().element(), c.stored().checksum()))
            .header("x-amz-version-id", VersionIds.ofWrite(c.stored()))
            .header("x-amz-copy-source-version-id", c.source().versionId()))
        .onFailure(e -> ctx.blobs().deleteTemp(blobId));
  }

  private record Copied(ObjectMeta source, ObjectMeta stored) {}

  private ObjectMeta store(S3Call call, ObjectMeta source, BodyDigests.Result d, String blobId,
      String metadataDirective, String taggingDirective) {
    if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
    PutObjectHandler.checkConditionalWrite(call, ctx.store().object(call.bucket(), call.key()));
    boolean replace = metadataDirective.equals("REPLACE");
    Acl acl = ObjectAcls.forNewObject(ctx, call, call::header);
    ctx.blobs().commit(blobId);
    ObjectMeta meta = new ObjectMeta(call.key(), blobId, d.size(), d.etag(), ctx.now(),
        replace ? ObjectHeaders.content(call) : source.contentHeaders(),
        replace ? ObjectHeaders.userMetadata(call) : source.userMetadata(),
        call.header("x-amz-storage-class") != null ? ObjectHeaders.storageClass(call) : source.storageClass(),
        d.algorithm(), d.checksum(), "FULL_OBJECT", List.of(),
        taggingDirective.equals("REPLACE") ? ObjectHeaders.tags(call.header("x-amz-tagging")) : source.tags())
        .withAcl(acl);
    ObjectMeta stored = new ObjectVersions(ctx).put(call.bucket(), meta, null);
    ctx.events().created(call.bucket(), stored, "ObjectCreated:Copy",
        EventOrigin.of(call, ctx.principals().of(call.auth())));
    return stored;
  }

  private static String directive(String v) {
    if (v == null) return "COPY";
    String d = v.trim().toUpperCase(java.util.Locale.ROOT);
    if (!d.equals("COPY") && !d.equals("REPLACE")) throw S3Errors.invalidArgument("Unknown directive " + v);
    return d;
  }
}

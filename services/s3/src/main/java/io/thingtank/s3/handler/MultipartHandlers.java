package io.thingtank.s3.handler;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.access.ObjectAcls;
import io.thingtank.s3.checksum.ChecksumAlgorithm;
import io.thingtank.s3.model.Part;
import io.thingtank.s3.model.Upload;
import io.thingtank.s3.wire.ByteRange;
import io.thingtank.s3.wire.HttpDates;
import io.thingtank.s3.wire.Preconditions;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.XmlOut;
import io.vertx.core.Future;
import java.util.List;

/**
 * CreateMultipartUpload, UploadPart, UploadPartCopy, AbortMultipartUpload, ListParts and
 * ListMultipartUploads. Completion is {@link CompleteMultipartHandler}.
 */
public final class MultipartHandlers {
  private final S3Context ctx;

  public MultipartHandlers(S3Context ctx) { this.ctx = ctx; }

  public Future<S3Response> create(S3Call call) {
    ObjectHeaders.checkKey(call.key());
    ChecksumAlgorithm alg;
    try {
      alg = ChecksumAlgorithm.parse(call.header("x-amz-checksum-algorithm"));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(S3Errors.invalidRequest("Checksum algorithm provided is unsupported."));
    }
    String type = call.header("x-amz-checksum-type");
    if (type == null) type = alg == ChecksumAlgorithm.CRC64NVME ? "FULL_OBJECT" : "COMPOSITE";
    if (alg == null) type = "FULL_OBJECT";
    if (!type.equals("FULL_OBJECT") && !type.equals("COMPOSITE")
        || type.equals("FULL_OBJECT") && alg != null && !alg.isCrc()
        || type.equals("COMPOSITE") && alg == ChecksumAlgorithm.CRC64NVME) {
      return Future.failedFuture(S3Errors.invalidRequest("The checksum type " + type
          + " is not supported with the checksum algorithm " + alg + "."));
    }
    Upload u = new Upload(ctx.blobs().newId(), call.key(), ctx.now(), ObjectHeaders.content(call),
        ObjectHeaders.userMetadata(call), ObjectHeaders.storageClass(call), alg, type,
        ObjectHeaders.tags(call.header("x-amz-tagging")));
    return ctx.onBucket(call.bucket(), () -> {
      if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
      ctx.store().putUpload(call.bucket(), u.withAcl(ObjectAcls.forNewObject(ctx, call, call::header)));
      return S3Response.xml(XmlOut.document("InitiateMultipartUploadResult").el("Bucket", call.bucket())
          .el("Key", call.key()).el("UploadId", u.uploadId()))
          .header("x-amz-checksum-algorithm", alg).header("x-amz-checksum-type", alg == null ? null : u.checksumType());
    });
  }

  public Future<S3Response> uploadPart(S3Call call) {
    int n = partNumber(call);
    String blobId = ctx.blobs().newId();
    return upload(call).compose(u -> {
      ChecksumAlgorithm declared = call.body().declaredAlgorithm();
      if (u.checksumAlgorithm() != null && declared != null && declared != u.checksumAlgorithm()) {
        throw S3Errors.invalidRequest("Checksum Type mismatch occurred, expected checksum Type: "
            + u.checksumAlgorithm().name().toLowerCase() + ", actual checksum Type: " + declared.name().toLowerCase());
      }
      ChecksumAlgorithm alg = u.checksumAlgorithm() != null ? u.checksumAlgorithm() : declared;
      return call.body().toFile(ctx.vertx(), ctx.blobs().tempPath(blobId), alg, PutObjectHandler.MAX_OBJECT)
          .compose(body -> storePart(call, n, blobId, body.digests()))
          .map(p -> S3Response.ok().header("etag", p.quotedEtag())
              .header(alg == null ? null : alg.header(), alg == null ? null : p.checksum()));
    }).onFailure(e -> ctx.blobs().deleteTemp(blobId));
  }

  public Future<S3Response> uploadPartCopy(S3Call call) {
    int n = partNumber(call);
    CopySource src = CopySource.parse(call.header("x-amz-copy-source"));
    String blobId = ctx.blobs().newId();
    return upload(call).compose(u -> src.lookup(ctx).compose(source -> {
      Preconditions.check(call, "x-amz-copy-source-", source, false);
      ByteRange range = copyRange(call.header("x-amz-copy-source-range"), source.size());
      long offset = range == null ? 0 : range.first();
      long length = range == null ? source.size() : range.length();
      return ctx.vertx().executeBlocking(() -> BlobCopier.copy(ctx.blobs(),
          List.of(new BlobCopier.Source(source.blobId(), offset, length)),
          ctx.blobs().tempPath(blobId), u.checksumAlgorithm(), null), false)
          .compose(d -> storePart(call, n, blobId, d))
          .map(p -> S3Response.xml(XmlOut.document("CopyPartResult").el("ETag", p.quotedEtag())
              .el("LastModified", HttpDates.iso(p.lastModifiedMillis())))
              .header("x-amz-copy-source-version-id", source.versionId()));
    }))
        .onFailure(e -> ctx.blobs().deleteTemp(blobId));
  }

  private Future<Part> storePart(S3Call call, int n, String blobId, io.thingtank.s3.checksum.BodyDigests.Result d) {
    return ctx.onBucket(call.bucket(), () -> {
      if (ctx.store().upload(call.bucket(), call.param("uploadId")).isEmpty()) throw S3Errors.noSuchUpload();
      ctx.blobs().commit(blobId);
      Part p = new Part(n, blobId, d.size(), d.etag(), ctx.now(), d.checksum());
      ctx.store().putPart(call.param("uploadId"), p).ifPresent(old -> ctx.blobs().delete(old.blobId()));
      return p;
    });
  }

  public Future<S3Response> abort(S3Call call) {
    return ctx.onBucket(call.bucket(), () -> {
      if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
      if (ctx.store().upload(call.bucket(), call.param("uploadId")).isEmpty()) throw S3Errors.noSuchUpload();
      for (Part p : ctx.store().deleteUpload(call.bucket(), call.param("uploadId"))) ctx.blobs().delete(p.blobId());
      return S3Response.noContent();
    });
  }

  public Future<S3Response> listParts(S3Call call) {
    int max = BucketHandlers.parseMax(call.param("max-parts"), 1000);
    int marker = call.param("part-number-marker") == null ? 0 : parseInt(call.param("part-number-marker"));
    return upload(call).compose(u -> ctx.onBucket(call.bucket(), () -> {
      List<Part> parts = ctx.store().parts(u.uploadId()).stream().filter(p -> p.partNumber() > marker).toList();
      List<Part> page = parts.subList(0, Math.min(max, parts.size()));
      XmlOut x = XmlOut.document("ListPartsResult").el("Bucket", call.bucket()).el("Key", call.key())
          .el("UploadId", u.uploadId()).el("PartNumberMarker", marker)
          .el("NextPartNumberMarker", page.isEmpty() ? null : page.get(page.size() - 1).partNumber())
          .el("MaxParts", max).el("IsTruncated", page.size() < parts.size())
          .el("StorageClass", u.storageClass()).el("ChecksumAlgorithm", u.checksumAlgorithm())
          .el("ChecksumType", u.checksumAlgorithm() == null ? null : u.checksumType());
      for (Part p : page) {
        x.open("Part").el("PartNumber", p.partNumber()).el("LastModified", HttpDates.iso(p.lastModifiedMillis()))
            .el("ETag", p.quotedEtag()).el("Size", p.size());
        if (u.checksumAlgorithm() != null) x.el(u.checksumAlgorithm().element(), p.checksum());
        x.close();
      }
      return S3Response.xml(x);
    }));
  }

  public Future<S3Response> listUploads(S3Call call) {
    String prefix = call.param("prefix") == null ? "" : call.param("prefix");
    int max = BucketHandlers.parseMax(call.param("max-uploads"), 1000);
    String keyMarker = call.param("key-marker");
    return ctx.onBucket(call.bucket(), () -> {
      if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
      List<Upload> all = ctx.store().uploads(call.bucket()).stream()
          .filter(u -> u.key().startsWith(prefix) && (keyMarker == null || u.key().compareTo(keyMarker) > 0))
          .sorted((a, b) -> a.key().equals(b.key()) ? Long.compare(a.initiatedMillis(), b.initiatedMillis())
              : a.key().compareTo(b.key())).toList();
      List<Upload> page = all.subList(0, Math.min(max, all.size()));
      XmlOut x = XmlOut.document("ListMultipartUploadsResult").el("Bucket", call.bucket())
          .el("KeyMarker", keyMarker == null ? "" : keyMarker).el("UploadIdMarker", "").el("Prefix", prefix)
          .el("MaxUploads", max).el("IsTruncated", page.size() < all.size());
      if (page.size() < all.size()) {
        x.el("NextKeyMarker", page.get(page.size() - 1).key()).el("NextUploadIdMarker", page.get(page.size() - 1).uploadId());
      }
      for (Upload u : page) {
        x.open("Upload").el("Key", u.key()).el("UploadId", u.uploadId())
            .el("Initiated", HttpDates.iso(u.initiatedMillis())).el("StorageClass", u.storageClass())
            .el("ChecksumAlgorithm", u.checksumAlgorithm()).close();
      }
      return S3Response.xml(x);
    });
  }

  private Future<Upload> upload(S3Call call) {
    String id = call.param("uploadId");
    return ctx.onBucket(call.bucket(), () -> {
      if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
      Upload u = ctx.store().upload(call.bucket(), id).orElseThrow(S3Errors::noSuchUpload);
      if (!u.key().equals(call.key())) throw S3Errors.noSuchUpload();
      return u;
    });
  }

  static int partNumber(S3Call call) {
    int n = parseInt(call.param("partNumber"));
    if (n < 1 || n > 10000) throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive");
    return n;
  }

  private static int parseInt(String v) {
    try {
      return Integer.parseInt(v == null ? "" : v.trim());
    } catch (NumberFormatException e) {
      throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive");
    }
  }

  private static ByteRange copyRange(String header, long size) {
    if (header == null) return null;
    ByteRange r = ByteRange.parse(header, size);
    if (r == null || !header.trim().matches("bytes=\\d+-\\d+")) {
      throw S3Errors.invalidArgument("The x-amz-copy-source-range value must be of the form bytes=first-last"
          + " where first and last are the zero-based offsets of the first and last bytes to copy");
    }
    return r;
  }
}

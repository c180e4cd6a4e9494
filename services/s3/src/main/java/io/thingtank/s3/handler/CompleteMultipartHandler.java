package io.thingtank.s3.handler;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.checksum.BodyDigests;
import io.thingtank.s3.checksum.ChecksumAlgorithm;
import io.thingtank.s3.checksum.Hasher;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.model.Part;
import io.thingtank.s3.model.Upload;
import io.thingtank.s3.notify.EventOrigin;
import io.thingtank.s3.version.ObjectVersions;
import io.thingtank.s3.version.VersionIds;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.XmlIn;
import io.thingtank.s3.wire.XmlOut;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CompleteMultipartUpload (S3 API Reference): the listed parts must exist with matching ETags
 * (InvalidPart), ascend (InvalidPartOrder), and all but the last be at least 5 MiB
 * (EntityTooSmall). The parts are joined into one blob; the ETag is the MD5 of the parts' MD5s
 * with {@code -N}; the checksum is composite (checksum of the part checksums, {@code -N}) or
 * full-object (computed over the joined bytes), as the upload was created.
 */
public final class CompleteMultipartHandler implements S3Handler {
  static final long MIN_PART = 5L * 1024 * 1024;
  /** Upload ids are blob ids (32 hex digits), see MultipartHandlers. */
  private static final int UPLOAD_ID_LENGTH = 32;
  private final S3Context ctx;

  public CompleteMultipartHandler(S3Context ctx) { this.ctx = ctx; }

  record Listed(int number, String etag, Map<ChecksumAlgorithm, String> checksums) {}

  @Override
  public Future<S3Response> handle(S3Call call) {
    String uploadId = call.param("uploadId");
    return call.body().completionToMemory(4 * 1024 * 1024, S3Errors.malformedXml()).compose(body -> {
      List<Listed> listed = parse(body.bytes().getBytes());
      return ctx.onBucket(call.bucket(), () -> {
        if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
        Upload u = ctx.store().upload(call.bucket(), uploadId).orElse(null);
        if (u == null) return new Plan(null, List.of(), null, completedBefore(call, uploadId, listed));
        Map<Integer, Part> parts = ctx.store().parts(uploadId).stream()
            .collect(Collectors.toMap(Part::partNumber, Function.identity()));
        // The object's blob id starts with the upload's id: a retried complete (its answer lost) finds its object by it.
        return new Plan(u, check(listed, parts, u), u.uploadId() + ctx.blobs().newId(), null);
      });
    }).compose(plan -> plan.done() != null ? Future.succeededFuture(plan.done()) : complete(call, plan))
        .map(meta -> S3Response.xml(XmlOut.document("CompleteMultipartUploadResult")
            .el("Location", "/" + call.bucket() + "/" + meta.key()).el("Bucket", call.bucket()).el("Key", meta.key())
            .el("ETag", meta.quotedEtag()).el(meta.checksumAlgorithm().element(), meta.checksum())
            .el("ChecksumType", meta.checksumType())).header("x-amz-version-id", VersionIds.ofWrite(meta)));
  }

  /** Joins the parts on a worker, then stores the object and ends the upload on the bucket's stripe. */
  private Future<ObjectMeta> complete(S3Call call, Plan plan) {
    String uploadId = plan.upload().uploadId();
    String blobId = plan.blobId();
    return ctx.vertx().executeBlocking(() -> join(plan, blobId), false)
        .compose(meta -> ctx.onBucket(call.bucket(), () -> {
          checkDeclared(call, meta);
          if (ctx.store().upload(call.bucket(), uploadId).isEmpty()) throw S3Errors.noSuchUpload();
          PutObjectHandler.checkConditionalWrite(call, ctx.store().object(call.bucket(), meta.key()));
          List<Part> all = ctx.store().parts(uploadId);
          ctx.blobs().commit(blobId);
          ObjectMeta stored = new ObjectVersions(ctx).put(call.bucket(), meta, uploadId);
          for (Part p : all) ctx.blobs().delete(p.blobId());
          ctx.events().created(call.bucket(), stored, "ObjectCreated:CompleteMultipartUpload",
              EventOrigin.of(call, ctx.principals().of(call.auth())));
          return stored;
        }))
        .onFailure(e -> ctx.blobs().deleteTemp(blobId));
  }

  /**
   * A complete of an upload already completed with the same parts (S3 answers the retry as the
   * first): the key's current version, when its blob came from this upload and its ETag is the
   * listed parts' one; else NoSuchUpload.
   */
  private ObjectMeta completedBefore(S3Call call, String uploadId, List<Listed> listed) {
    ObjectMeta current = ctx.store().object(call.bucket(), call.key()).orElseThrow(S3Errors::noSuchUpload);
    String blob = current.blobId();
    boolean fromThisUpload = uploadId != null && uploadId.length() == UPLOAD_ID_LENGTH && blob != null
        && blob.length() == 2 * UPLOAD_ID_LENGTH && blob.startsWith(uploadId);
    String listedEtag;
    try {
      listedEtag = etagOf(listed.stream().map(Listed::etag).toList());
    } catch (IllegalArgumentException e) {
      throw S3Errors.noSuchUpload(); // a listed ETag that is not an MD5: no part of ours had it
    }
    if (!fromThisUpload || !listedEtag.equals(current.etag())) throw S3Errors.noSuchUpload();
    return current;
  }

  /** The multipart ETag of parts with these (hex MD5) ETags: the MD5 of their MD5s, {@code -N}. */
  private static String etagOf(List<String> partEtags) {
    Hasher md5s = new Hasher.OfDigest(md5());
    for (String e : partEtags) md5s.update(HexFormat.of().parseHex(e));
    return HexFormat.of().formatHex(md5s.finish()) + "-" + partEtags.size();
  }

  /** {@code done}: the object a completed upload made (a retried complete), else null and the rest is the plan. */
  private record Plan(Upload upload, List<Part> parts, String blobId, ObjectMeta done) {}

  private static List<Listed> parse(byte[] body) {
    XmlIn doc = XmlIn.parse(body, "CompleteMultipartUpload");
    List<Listed> out = new ArrayList<>();
    for (XmlIn p : doc.children("Part")) {
      String n = p.text("PartNumber");
      String etag = p.text("ETag");
      if (n == null || etag == null) throw S3Errors.malformedXml();
      Map<ChecksumAlgorithm, String> sums = new java.util.EnumMap<>(ChecksumAlgorithm.class);
      for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
        String v = p.text(a.element());
        if (v != null) sums.put(a, v.trim());
      }
      try {
        out.add(new Listed(Integer.parseInt(n.trim()), etag.replace("\"", "").trim(), sums));
      } catch (NumberFormatException e) {
        throw S3Errors.malformedXml();
      }
    }
    if (out.isEmpty()) throw S3Errors.malformedXml();
    return out;
  }

  private static List<Part> check(List<Listed> listed, Map<Integer, Part> parts, Upload u) {
    List<Part> chosen = new ArrayList<>();
    int previous = 0;
    for (Listed l : listed) {
      if (l.number() <= previous) throw S3Errors.invalidPartOrder();
      previous = l.number();
      Part p = parts.get(l.number());
      if (p == null || !p.etag().equals(l.etag())) {
        throw S3Errors.invalidPart("One or more of the specified parts could not be found. The part may not have been"
            + " uploaded, or the specified entity tag may not match the part's entity tag.");
      }
      String sum = u.checksumAlgorithm() == null ? null : l.checksums().get(u.checksumAlgorithm());
      if (sum != null && !sum.equals(p.checksum())) {
        throw S3Errors.invalidPart("The " + u.checksumAlgorithm() + " checksum of part " + l.number()
            + " does not match the uploaded part.");
      }
      chosen.add(p);
    }
    for (int i = 0; i < chosen.size() - 1; i++) {
      if (chosen.get(i).size() < MIN_PART) throw S3Errors.entityTooSmall();
    }
    return chosen;
  }

  /** Runs on a worker: joins the part files and computes ETag and checksum. */
  private ObjectMeta join(Plan plan, String blobId) {
    Upload u = plan.upload();
    List<BlobCopier.Source> sources = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    for (Part p : plan.parts()) {
      sources.add(new BlobCopier.Source(p.blobId(), 0, p.size()));
      sizes.add(p.size());
    }
    BodyDigests.Result d = BlobCopier.copy(ctx.blobs(), sources, ctx.blobs().tempPath(blobId), u.checksumAlgorithm(), null);
    int n = plan.parts().size();
    String checksum = d.checksum();
    if ("COMPOSITE".equals(u.checksumType()) && u.checksumAlgorithm() != null) {
      Hasher composite = u.checksumAlgorithm().newHasher();
      for (Part p : plan.parts()) composite.update(Base64.getDecoder().decode(p.checksum()));
      checksum = Base64.getEncoder().encodeToString(composite.finish()) + "-" + n;
    }
    String etag = etagOf(plan.parts().stream().map(Part::etag).toList());
    return new ObjectMeta(u.key(), blobId, d.size(), etag, ctx.now(), u.contentHeaders(), u.userMetadata(),
        u.storageClass(), d.algorithm(), checksum,
        "COMPOSITE".equals(u.checksumType()) && u.checksumAlgorithm() != null ? "COMPOSITE" : "FULL_OBJECT",
        sizes, u.tags()).withAcl(u.acl());
  }

  /**
   * A checksum sent with the complete request (x-amz-checksum-*) must be the object's: the
   * full-object one of the joined bytes, or the composite one ({@code -N}); else BadDigest.
   */
  private static void checkDeclared(S3Call call, ObjectMeta meta) {
    String declared = call.header(meta.checksumAlgorithm().header());
    if (declared != null && !declared.trim().equals(meta.checksum())) throw S3Errors.badDigest(meta.checksumAlgorithm().name());
  }

  private static java.security.MessageDigest md5() {
    try {
      return java.security.MessageDigest.getInstance("MD5");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.thingtank.s3.handler;

import io.thingtank.aws.AwsError;
import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.access.Principal;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.notify.EventOrigin;
import io.thingtank.s3.version.ObjectVersions;
import io.thingtank.s3.version.ObjectVersions.Removal;
import io.thingtank.s3.version.VersionIds;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.XmlIn;
import io.thingtank.s3.wire.XmlOut;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DeleteObject (204 whether or not the key existed) and DeleteObjects (up to 1000 keys, quiet
 * mode); with {@code versionId} they remove that version, without it a versioned bucket gets a
 * delete marker (S3 API Reference, DeleteObject: x-amz-delete-marker, x-amz-version-id).
 */
public final class DeleteObjectHandlers {
  private static final int MAX_KEYS = 1000;
  private final S3Context ctx;
  private final ObjectVersions versions;

  public DeleteObjectHandlers(S3Context ctx) {
    this.ctx = ctx;
    this.versions = new ObjectVersions(ctx);
  }

  /** What deleting one key (or version) did. */
  private record Outcome(String versionId, boolean deleteMarker, String deleteMarkerVersionId) {}

  public Future<S3Response> deleteOne(S3Call call) {
    String versionId = call.param("versionId");
    if (versionId != null) VersionIds.check(versionId);
    return ctx.onBucket(call.bucket(), () -> {
      if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
      String ifMatch = call.header("if-match");
      var existing = ctx.store().object(call.bucket(), call.key());
      if (ifMatch != null && (existing.isEmpty() || !existing.get().etag().equals(ifMatch.replace("\"", "").trim()))) {
        throw existing.isEmpty() ? S3Errors.noSuchKey() : S3Errors.preconditionFailed();
      }
      Outcome o = delete(call, call.key(), versionId, ctx.principals().of(call.auth()));
      return S3Response.noContent().header("x-amz-delete-marker", o.deleteMarker() ? "true" : null)
          .header("x-amz-version-id", o.deleteMarker() ? o.deleteMarkerVersionId() : o.versionId());
    });
  }

  /**
   * Runs on the bucket's stripe; a delete marker is owned by {@code deleter}, who is also the
   * principal of the removal's event.
   */
  private Outcome delete(S3Call call, String key, String versionId, Principal deleter) {
    String bucket = call.bucket();
    Removal why = Removal.request(EventOrigin.of(call, deleter));
    if (versionId == null) {
      Optional<ObjectMeta> r = versions.delete(bucket, key, deleter.user(), why);
      boolean marker = r.isPresent() && r.get().deleteMarker();
      return new Outcome(null, marker, marker ? r.get().versionId() : null);
    }
    Optional<ObjectMeta> r = versions.deleteVersion(bucket, key, versionId, why);
    boolean marker = r.isPresent() && r.get().deleteMarker();
    return new Outcome(versionId, marker, marker ? versionId : null);
  }

  public Future<S3Response> deleteMany(S3Call call) {
    return call.body().toMemory(2 * 1024 * 1024, S3Errors.malformedXml()).compose(body -> {
      XmlIn doc = XmlIn.parse(body.bytes().getBytes(), "Delete");
      boolean quiet = "true".equalsIgnoreCase(String.valueOf(doc.text("Quiet")).trim());
      List<String> keys = new ArrayList<>();
      List<String> versionIds = new ArrayList<>();
      for (XmlIn o : doc.children("Object")) {
        String k = o.text("Key");
        if (k == null) throw S3Errors.malformedXml();
        keys.add(k);
        versionIds.add(o.text("VersionId"));
      }
      if (keys.isEmpty() || keys.size() > MAX_KEYS) throw S3Errors.malformedXml();
      return ctx.onBucket(call.bucket(), () -> {
        if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
        XmlOut x = XmlOut.document("DeleteResult");
        Principal deleter = ctx.principals().of(call.auth());
        for (int i = 0; i < keys.size(); i++) {
          String key = keys.get(i);
          String versionId = versionIds.get(i);
          try {
            if (versionId != null) VersionIds.check(versionId);
            Outcome o = delete(call, key, versionId, deleter);
            if (quiet) continue;
            x.open("Deleted").el("Key", key).el("VersionId", versionId);
            if (o.deleteMarker()) x.el("DeleteMarker", true).el("DeleteMarkerVersionId", o.deleteMarkerVersionId());
            x.close();
          } catch (AwsError e) {
            x.open("Error").el("Key", key).el("VersionId", versionId).el("Code", e.code())
                .el("Message", e.getMessage()).close();
          }
        }
        return S3Response.xml(x);
      });
    });
  }
}

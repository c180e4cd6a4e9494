package io.thingtank.s3.handler;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.XmlIn;
import io.thingtank.s3.wire.XmlOut;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/** DeleteObject (204 whether or not the key existed) and DeleteObjects (up to 1000 keys, quiet mode). */
public final class DeleteObjectHandlers {
  private static final int MAX_KEYS = 1000;
  private final S3Context ctx;

  public DeleteObjectHandlers(S3Context ctx) { this.ctx = ctx; }

  public Future<S3Response> deleteOne(S3Call call) {
    return ctx.onBucket(call.bucket(), () -> {
      if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
      String ifMatch = call.header("if-match");
      var existing = ctx.store().object(call.bucket(), call.key());
      if (ifMatch != null && (existing.isEmpty() || !existing.get().etag().equals(ifMatch.replace("\"", "").trim()))) {
        throw existing.isEmpty() ? S3Errors.noSuchKey() : S3Errors.preconditionFailed();
      }
      ctx.store().deleteObject(call.bucket(), call.key()).ifPresent(m -> {
        ctx.blobs().delete(m.blobId());
        ctx.events().removed(call.bucket(), m.key(), "ObjectRemoved:Delete");
      });
      return S3Response.noContent();
    });
  }

  public Future<S3Response> deleteMany(S3Call call) {
    return call.body().toMemory(2 * 1024 * 1024, S3Errors.malformedXml()).compose(body -> {
      XmlIn doc = XmlIn.parse(body.bytes().getBytes(), "Delete");
      boolean quiet = "true".equalsIgnoreCase(String.valueOf(doc.text("Quiet")).trim());
      List<String> keys = new ArrayList<>();
      List<String> versions = new ArrayList<>();
      for (XmlIn o : doc.children("Object")) {
        String k = o.text("Key");
        if (k == null) throw S3Errors.malformedXml();
        keys.add(k);
        versions.add(o.text("VersionId"));
      }
      if (keys.isEmpty() || keys.size() > MAX_KEYS) throw S3Errors.malformedXml();
      return ctx.onBucket(call.bucket(), () -> {
        if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
        XmlOut x = XmlOut.document("DeleteResult");
        for (int i = 0; i < keys.size(); i++) {
          ctx.store().deleteObject(call.bucket(), keys.get(i)).ifPresent(m -> {
            ctx.blobs().delete(m.blobId());
            ctx.events().removed(call.bucket(), m.key(), "ObjectRemoved:Delete");
          });
          if (!quiet) x.open("Deleted").el("Key", keys.get(i)).el("VersionId", versions.get(i)).close();
        }
        return S3Response.xml(x);
      });
    });
  }
}

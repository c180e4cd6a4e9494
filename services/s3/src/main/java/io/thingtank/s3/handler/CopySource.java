package io.thingtank.s3.handler;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.version.ObjectVersions;
import io.thingtank.s3.version.VersionIds;
import io.vertx.core.Future;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code x-amz-copy-source} header: {@code [/]bucket/key[?versionId=...]}, URL-encoded
 * (S3 API Reference, CopyObject). {@code versionId} is null when the current version is meant.
 */
public record CopySource(String bucket, String key, String versionId) {

  public static CopySource parse(String header) {
    if (header == null) throw S3Errors.invalidArgument("Copy Source must mention the source bucket and key");
    String h = header.trim();
    int q = h.indexOf('?');
    String versionId = null;
    if (q >= 0) {
      String query = h.substring(q + 1);
      h = h.substring(0, q);
      if (query.startsWith("versionId=")) versionId = query.substring("versionId=".length());
      if (versionId != null) VersionIds.check(versionId);
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(h.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw S3Errors.invalidArgument("Invalid copy source encoding");
    }
    if (decoded.startsWith("/")) decoded = decoded.substring(1);
    int slash = decoded.indexOf('/');
    if (slash <= 0 || slash == decoded.length() - 1) {
      throw S3Errors.invalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
    }
    return new CopySource(decoded.substring(0, slash), decoded.substring(slash + 1), versionId);
  }

  Future<ObjectMeta> lookup(S3Context ctx) {
    return ctx.onBucket(bucket, () -> {
      if (ctx.store().bucket(bucket).isEmpty()) throw S3Errors.noSuchBucket();
      if (versionId != null && new ObjectVersions(ctx).find(bucket, key, versionId)
          .filter(ObjectMeta::deleteMarker).isPresent()) {
        throw S3Errors.invalidRequest("The source of a copy request may not specifically refer to a delete marker by"
            + " version id.");
      }
      return new ObjectVersions(ctx).read(bucket, key, versionId);
    });
  }
}

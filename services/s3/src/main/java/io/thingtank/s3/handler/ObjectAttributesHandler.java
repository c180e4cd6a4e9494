package io.thingtank.s3.handler;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.version.ObjectVersions;
import io.thingtank.s3.wire.HttpDates;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.XmlOut;
import io.vertx.core.Future;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * GetObjectAttributes (S3 API Reference): the attributes named in {@code x-amz-object-attributes}
 * (ETag, Checksum, ObjectParts, StorageClass, ObjectSize) of the current version or of
 * {@code versionId}, without the body.
 */
public final class ObjectAttributesHandler implements S3Handler {
  private final S3Context ctx;

  public ObjectAttributesHandler(S3Context ctx) { this.ctx = ctx; }

  @Override
  public Future<S3Response> handle(S3Call call) {
    // The SDKs send the list as one comma-separated header or as repeated headers.
    String header = String.join(",", call.http().headers().getAll("x-amz-object-attributes"));
    if (header == null || header.isBlank()) {
      return Future.failedFuture(S3Errors.invalidArgument("Invalid attribute name specified."));
    }
    Set<String> wanted = Arrays.stream(header.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
    return ctx.onBucket(call.bucket(), () -> {
      if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
      return new ObjectVersions(ctx).read(call.bucket(), call.key(), call.param("versionId"));
    }).map(m -> S3Response.xml(document(m, wanted)).header("last-modified", HttpDates.http(m.lastModifiedMillis()))
        .header("x-amz-version-id", m.versionId()));
  }

  private static XmlOut document(ObjectMeta m, Set<String> wanted) {
    XmlOut x = XmlOut.document("GetObjectAttributesResponse");
    if (wanted.contains("etag")) x.el("ETag", m.etag());
    if (wanted.contains("checksum") && m.checksum() != null) {
      x.open("Checksum").el(m.checksumAlgorithm().element(), m.checksum()).el("ChecksumType", m.checksumType()).close();
    }
    if (wanted.contains("objectparts") && !m.partSizes().isEmpty()) {
      x.open("ObjectParts").el("TotalPartsCount", m.partSizes().size()).el("PartsCount", m.partSizes().size())
          .el("IsTruncated", false).el("MaxParts", 1000).el("PartNumberMarker", 0)
          .el("NextPartNumberMarker", m.partSizes().size());
      for (int i = 0; i < m.partSizes().size(); i++) {
        x.open("Part").el("PartNumber", i + 1).el("Size", m.partSizes().get(i)).close();
      }
      x.close();
    }
    if (wanted.contains("storageclass")) x.el("StorageClass", m.storageClass());
    if (wanted.contains("objectsize")) x.el("ObjectSize", m.size());
    return x;
  }
}

package io.thingtank.s3.handler;

import io.thingtank.aws.auth.AwsUriEncoding;
import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.wire.HttpDates;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.XmlOut;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * ListObjects (v1: marker) and ListObjectsV2 (continuation-token, start-after): prefix,
 * delimiter roll-up into CommonPrefixes, max-keys (at most 1000), encoding-type=url.
 * Keys come from a range scan of the bucket's index in UTF-8 binary order.
 */
public final class ListObjectsHandler {
  private final S3Context ctx;

  public ListObjectsHandler(S3Context ctx) { this.ctx = ctx; }

  /** One page: objects and common prefixes in order, and where the next page starts. */
  record Page(List<ObjectMeta> objects, List<String> prefixes, boolean truncated, String nextMarker) {}

  public Future<S3Response> v1(S3Call call) {
    String marker = call.param("marker");
    return page(call, marker).map(p -> {
      boolean url = urlEncoding(call);
      XmlOut x = XmlOut.document("ListBucketResult").el("Name", call.bucket())
          .el("Prefix", enc(url, nz(call.param("prefix")))).el("Marker", enc(url, nz(marker)))
          .el("MaxKeys", BucketHandlers.parseMax(call.param("max-keys"), 1000))
          .el("Delimiter", enc(url, call.param("delimiter"))).el("IsTruncated", p.truncated());
      if (p.truncated() && call.param("delimiter") != null) x.el("NextMarker", enc(url, p.nextMarker()));
      if (url) x.el("EncodingType", "url");
      contents(x, call, p, url, true);
      return S3Response.xml(x);
    });
  }

  public Future<S3Response> v2(S3Call call) {
    String token = call.param("continuation-token");
    String startAfter = call.param("start-after");
    String from = startAfter;
    if (token != null) {
      try {
        from = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(S3Errors.invalidArgument("The continuation token provided is incorrect"));
      }
    }
    return page(call, from).map(p -> {
      boolean url = urlEncoding(call);
      int count = p.objects().size() + p.prefixes().size();
      XmlOut x = XmlOut.document("ListBucketResult").el("Name", call.bucket())
          .el("Prefix", enc(url, nz(call.param("prefix"))))
          .el("MaxKeys", BucketHandlers.parseMax(call.param("max-keys"), 1000))
          .el("Delimiter", enc(url, call.param("delimiter"))).el("IsTruncated", p.truncated())
          .el("KeyCount", count).el("ContinuationToken", token).el("StartAfter", enc(url, startAfter));
      if (p.truncated()) {
        x.el("NextContinuationToken",
            Base64.getUrlEncoder().withoutPadding().encodeToString(p.nextMarker().getBytes(StandardCharsets.UTF_8)));
      }
      if (url) x.el("EncodingType", "url");
      contents(x, call, p, url, "true".equals(call.param("fetch-owner")));
      return S3Response.xml(x);
    });
  }

  private static void contents(XmlOut x, S3Call call, Page p, boolean url, boolean owner) {
    for (ObjectMeta m : p.objects()) {
      x.open("Contents").el("Key", enc(url, m.key())).el("LastModified", HttpDates.iso(m.lastModifiedMillis()))
          .el("ETag", m.quotedEtag()).el("ChecksumAlgorithm", m.checksumAlgorithm())
          .el("ChecksumType", m.checksumType()).el("Size", m.size()).el("StorageClass", m.storageClass());
      if (owner) OwnerIds.write(x, call, m);
      x.close();
    }
    for (String cp : p.prefixes()) x.open("CommonPrefixes").el("Prefix", enc(url, cp)).close();
  }

  private Future<Page> page(S3Call call, String after) {
    String prefix = nz(call.param("prefix"));
    String delimiter = call.param("delimiter");
    if (delimiter != null && delimiter.isEmpty()) delimiter = null;
    int max = BucketHandlers.parseMax(call.param("max-keys"), 1000);
    String encodingType = call.param("encoding-type");
    if (encodingType != null && !encodingType.equals("url")) {
      return Future.failedFuture(S3Errors.invalidArgument("Invalid Encoding Method specified in Request"));
    }
    String d = delimiter;
    return ctx.onBucket(call.bucket(), () -> {
      if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
      return scan(call.bucket(), prefix, d, after, max);
    });
  }

  /** Runs on the store executor. A roll-up prefix ends the scan and restarts it past that prefix. */
  private Page scan(String bucket, String prefix, String delimiter, String after, int max) {
    if (max == 0) return new Page(List.of(), List.of(), false, null);
    List<ObjectMeta> objects = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    String[] from = {after == null ? "" : after};
    boolean[] exclusive = {after != null};
    boolean[] truncated = {false};
    String[] last = {null};
    boolean restart = true;
    while (restart) {
      restart = false;
      String[] rollUp = {null};
      ctx.store().scanObjects(bucket, prefix, from[0], m -> {
        if (exclusive[0] && m.key().compareTo(from[0]) <= 0) return true;
        String cp = null;
        if (delimiter != null) {
          int i = m.key().indexOf(delimiter, prefix.length());
          if (i >= 0) cp = m.key().substring(0, i + delimiter.length());
        }
        if (cp != null && after != null && cp.compareTo(after) <= 0) return true;
        if (cp != null && !prefixes.isEmpty() && cp.equals(prefixes.get(prefixes.size() - 1))) return true;
        if (objects.size() + prefixes.size() >= max) {
          truncated[0] = true;
          return false;
        }
        if (cp != null) {
          prefixes.add(cp);
          last[0] = cp;
          rollUp[0] = cp;
          return false;
        }
        objects.add(m);
        last[0] = m.key();
        return true;
      });
      if (rollUp[0] != null) {
        from[0] = rollUp[0] + Character.MAX_VALUE;
        exclusive[0] = false;
        restart = true;
      }
    }
    return new Page(objects, prefixes, truncated[0], last[0]);
  }

  static boolean urlEncoding(S3Call call) { return "url".equals(call.param("encoding-type")); }

  static String enc(boolean url, String s) {
    return s == null || !url ? s : AwsUriEncoding.encode(s, true);
  }

  static String nz(String s) { return s == null ? "" : s; }
}

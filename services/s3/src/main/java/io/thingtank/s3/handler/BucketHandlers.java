package io.thingtank.s3.handler;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.access.AclHeaders;
import io.thingtank.s3.access.Principal;
import io.thingtank.s3.model.Acl;
import io.thingtank.s3.model.Bucket;
import io.thingtank.s3.model.OwnershipControls;
import io.thingtank.s3.store.BucketConfigs;
import io.thingtank.s3.wire.HttpDates;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.XmlIn;
import io.thingtank.s3.wire.XmlOut;
import io.vertx.core.Future;
import java.util.Base64;
import java.util.List;
import java.nio.charset.StandardCharsets;

/** CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation and ListBuckets (the caller's, with pagination). */
public final class BucketHandlers {
  private final S3Context ctx;

  public BucketHandlers(S3Context ctx) { this.ctx = ctx; }

  public Future<S3Response> create(S3Call call) {
    String name = call.bucket();
    if (!Buckets.validName(name)) return Future.failedFuture(S3Errors.invalidBucketName());
    String acl = call.header("x-amz-acl");
    Principal who = ctx.principals().of(call.auth());
    Acl grants = AclHeaders.parse(call::header, who.user(), who.user(), ctx.principals());
    OwnershipControls ownership = BucketCreation.ownership(call.header("x-amz-object-ownership"), grants);
    return call.body().toMemory(64 * 1024, S3Errors.malformedXml()).compose(body -> {
      String region = ctx.defaultRegion();
      if (body.bytes().length() > 0) {
        String constraint = XmlIn.parse(body.bytes().getBytes(), "CreateBucketConfiguration").text("LocationConstraint");
        if (constraint != null && !constraint.isBlank()) region = constraint.trim();
      }
      Bucket b = new Bucket(name, ctx.now(), region, acl == null ? "private" : acl, null, null, null);
      return ctx.onBucket(name, () -> {
        BucketCreation.create(ctx, b, who, grants, ownership);
        return S3Response.ok().header("location", "/" + name);
      });
    });
  }

  public Future<S3Response> head(S3Call call) {
    return Buckets.require(ctx, call.bucket()).map(b -> S3Response.ok()
        .header("x-amz-bucket-region", b.region()).header("x-amz-access-point-alias", "false"));
  }

  public Future<S3Response> delete(S3Call call) {
    String name = call.bucket();
    return ctx.onBucket(name, () -> {
      if (ctx.store().bucket(name).isEmpty()) throw S3Errors.noSuchBucket();
      var discarded = ctx.store().deleteBucketIfEmpty(name).orElseThrow(S3Errors::bucketNotEmpty);
      discarded.forEach(p -> ctx.blobs().delete(p.blobId()));
      ctx.configs().deleteAll(name);
      return S3Response.noContent();
    });
  }

  public Future<S3Response> location(S3Call call) {
    return Buckets.require(ctx, call.bucket()).map(b -> S3Response.xml(XmlOut.document("LocationConstraint")
        .text("us-east-1".equals(b.region()) ? null : b.region())).header("x-amz-bucket-region", b.region()));
  }

  /** ListBuckets; {@code max-buckets} and {@code continuation-token} page, {@code prefix} filters. */
  public Future<S3Response> list(S3Call call) {
    int max = parseMax(call.param("max-buckets"), 10000);
    String prefix = call.param("prefix");
    String token = call.param("continuation-token");
    String after = token == null ? null : new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    Principal who = ctx.principals().of(call.auth());
    return ctx.onBucket("", () -> ctx.store().buckets(after, Integer.MAX_VALUE).stream()
        .filter(b -> prefix == null || b.name().startsWith(prefix)).filter(b -> ownedBy(b, who)).toList()).map(matching -> {
      List<Bucket> page = matching.subList(0, Math.min(max, matching.size()));
      XmlOut x = XmlOut.document("ListAllMyBucketsResult");
      x.open("Owner").el("ID", who.id()).el("DisplayName", who.user() == null ? null : who.user().displayName()).close();
      x.open("Buckets");
      for (Bucket b : page) {
        x.open("Bucket").el("Name", b.name()).el("CreationDate", HttpDates.iso(b.createdMillis()))
            .el("BucketRegion", b.region()).close();
      }
      x.close();
      if (page.size() < matching.size()) {
        x.el("ContinuationToken", Base64.getUrlEncoder().withoutPadding()
            .encodeToString(page.get(page.size() - 1).name().getBytes(StandardCharsets.UTF_8)));
      }
      x.el("Prefix", prefix);
      return S3Response.xml(x);
    });
  }

  /** S3 lists the caller's own buckets (and here the owner-less ones made before owners were kept). */
  private boolean ownedBy(Bucket b, Principal who) {
    Acl.Owner owner = ctx.configs().get(b.name(), BucketConfigs.Kind.ACL, Acl.class).map(Acl::owner).orElse(null);
    return owner == null || who.is(owner);
  }

  static int parseMax(String v, int cap) {
    if (v == null) return cap;
    try {
      int n = Integer.parseInt(v.trim());
      if (n < 0) throw S3Errors.invalidArgument("max value must be a non-negative integer");
      return Math.min(n, cap);
    } catch (NumberFormatException e) {
      throw S3Errors.invalidArgument("Provided max value is not an integer or within integer range");
    }
  }
}

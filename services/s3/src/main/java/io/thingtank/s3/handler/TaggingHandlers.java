package io.thingtank.s3.handler;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.Bucket;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.version.ObjectVersions;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.XmlIn;
import io.thingtank.s3.wire.XmlOut;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Object and bucket tagging (S3 API Reference, PutObjectTagging / PutBucketTagging): a
 * {@code <Tagging><TagSet><Tag><Key/><Value/></Tag>...} document, at most 10 tags on an object
 * and 50 on a bucket, keys unique. Object tags belong to one version ({@code versionId}, default the current).
 */
public final class TaggingHandlers {
  private final S3Context ctx;

  private final ObjectVersions versions;

  public TaggingHandlers(S3Context ctx) {
    this.ctx = ctx;
    this.versions = new ObjectVersions(ctx);
  }

  public Future<S3Response> getObject(S3Call call) {
    return object(call).map(m -> S3Response.xml(document(m.tags())).header("x-amz-version-id", m.versionId()));
  }

  public Future<S3Response> putObject(S3Call call) {
    return read(call, 10).compose(tags -> ctx.onBucket(call.bucket(), () -> {
      ObjectMeta m = requireObject(call);
      versions.update(call.bucket(), m.withTags(tags));
      return S3Response.ok().header("x-amz-version-id", m.versionId());
    }));
  }

  public Future<S3Response> deleteObject(S3Call call) {
    return ctx.onBucket(call.bucket(), () -> {
      ObjectMeta m = requireObject(call);
      versions.update(call.bucket(), m.withTags(Map.of()));
      return S3Response.noContent().header("x-amz-version-id", m.versionId());
    });
  }

  public Future<S3Response> getBucket(S3Call call) {
    return Buckets.require(ctx, call.bucket()).map(b -> {
      if (b.tags() == null || b.tags().isEmpty()) throw S3Errors.noSuchTagSet();
      return S3Response.xml(document(b.tags()));
    });
  }

  public Future<S3Response> putBucket(S3Call call) {
    return read(call, 50).compose(tags -> updateBucket(call, b -> b.withTags(tags), S3Response.noContent()));
  }

  public Future<S3Response> deleteBucket(S3Call call) {
    return updateBucket(call, b -> b.withTags(null), S3Response.noContent());
  }

  private Future<S3Response> updateBucket(S3Call call, java.util.function.UnaryOperator<Bucket> change, S3Response res) {
    return ctx.onBucket(call.bucket(), () -> {
      Bucket b = ctx.store().bucket(call.bucket()).orElseThrow(S3Errors::noSuchBucket);
      ctx.store().putBucket(change.apply(b));
      return res;
    });
  }

  private Future<ObjectMeta> object(S3Call call) {
    return ctx.onBucket(call.bucket(), () -> requireObject(call));
  }

  private ObjectMeta requireObject(S3Call call) {
    if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
    return versions.read(call.bucket(), call.key(), call.param("versionId"));
  }

  private static Future<Map<String, String>> read(S3Call call, int max) {
    return call.body().toMemory(64 * 1024, S3Errors.malformedXml()).map(body -> tagSet(body.bytes().getBytes(), max));
  }

  /** The tags of a {@code <Tagging><TagSet>} document (a request body, or a POST form's {@code tagging} field). */
  static Map<String, String> tagSet(byte[] xml, int max) {
    XmlIn doc = XmlIn.parse(xml, "Tagging");
    XmlIn set = doc.child("TagSet");
    if (set == null) throw S3Errors.malformedXml();
    Map<String, String> tags = new LinkedHashMap<>();
    for (XmlIn t : set.children("Tag")) {
      String k = t.text("Key");
      String v = t.text("Value");
      if (k == null || v == null) throw S3Errors.malformedXml();
      if (k.length() > 128 || v.length() > 256) throw new io.thingtank.aws.AwsError("InvalidTag",
          "The TagKey or TagValue you have provided is too long", 400);
      if (tags.put(k, v) != null) throw new io.thingtank.aws.AwsError("InvalidTag",
          "Cannot provide multiple Tags with the same key", 400);
    }
    if (tags.size() > max) throw new io.thingtank.aws.AwsError("InvalidTag",
        "Object tags cannot be greater than " + max, 400);
    return tags;
  }

  /** The tag set, by key (as S3 lists it, whatever order the tags were set in). */
  private static XmlOut document(Map<String, String> tags) {
    XmlOut x = XmlOut.document("Tagging").open("TagSet");
    if (tags != null) new java.util.TreeMap<>(tags).forEach((k, v) -> x.open("Tag").el("Key", k).el("Value", v).close());
    return x;
  }
}

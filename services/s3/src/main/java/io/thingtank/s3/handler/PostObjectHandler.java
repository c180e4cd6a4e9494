package io.thingtank.s3.handler;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.access.ObjectAcls;
import io.thingtank.s3.access.Principal;
import io.thingtank.s3.checksum.BodyDigests;
import io.thingtank.s3.model.Bucket;
import io.thingtank.s3.model.Acl;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.notify.EventOrigin;
import io.thingtank.s3.version.ObjectVersions;
import io.thingtank.s3.version.VersionIds;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.XmlOut;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * PostObject, the browser/device form upload (S3 API Reference, PostObject): a
 * multipart/form-data body whose fields before the file name the key, the metadata and the
 * signed policy; the file streams to a temp file. Without a policy the bucket's ACL must be
 * public-read-write. Answers {@code success_action_status} (204 by default, 200, or 201 with a
 * PostResponse document) or redirects to {@code success_action_redirect}.
 *
 * <p>Only the part named {@code file} is the object's content. A field sent as a part with a file
 * name (python-requests' {@code files=} sends every field so) is still a field, read into memory
 * (at most {@link #MAX_FIELD} bytes each); parts after the file are ignored, as S3 ignores them.
 */
public final class PostObjectHandler implements S3Handler {
  /** The most a form field sent as a file part may hold (a policy document is a few KiB). */
  static final int MAX_FIELD = 64 * 1024;
  private final S3Context ctx;

  public PostObjectHandler(S3Context ctx) { this.ctx = ctx; }

  /** The form, the key, the file's content type and digests, and who signed the policy (anonymous without one). */
  private record Received(Map<String, String> form, String key, String fileContentType, BodyDigests.Result digests,
      Principal uploader) {}

  @Override
  public Future<S3Response> handle(S3Call call) {
    String contentType = String.valueOf(call.header("content-type")).toLowerCase(Locale.ROOT);
    if (!contentType.startsWith("multipart/form-data")) {
      return Future.failedFuture(S3Errors.invalidRequest("POST to a bucket needs multipart/form-data (or ?delete)."));
    }
    String blobId = ctx.blobs().newId();
    return Buckets.require(ctx, call.bucket())
        .compose(bucket -> receive(call, bucket, blobId))
        .compose(r -> ctx.onBucket(call.bucket(), () -> store(call, r, blobId)).map(meta -> respond(call, r.form(), meta)))
        .onFailure(e -> ctx.blobs().deleteTemp(blobId));
  }

  private Future<Received> receive(S3Call call, Bucket bucket, String blobId) {
    HttpServerRequest http = call.http();
    Promise<Received> done = Promise.promise();
    Promise<Received> uploaded = Promise.promise();
    http.setExpectMultipart(true);
    boolean[] sawFile = {false};
    Map<String, String> partFields = new LinkedHashMap<>();
    List<Future<Void>> fieldsRead = new ArrayList<>();
    http.uploadHandler(upload -> {
      boolean isFile = upload.name().equalsIgnoreCase("file");
      if (sawFile[0] || uploaded.future().isComplete() || done.future().isComplete()) {
        upload.handler(b -> { });
        return;
      }
      if (!isFile) {
        fieldsRead.add(readField(upload, partFields));
        return;
      }
      sawFile[0] = true;
      upload.pause();
      // Vert.x adds the attributes decoded from the same network chunk only after announcing the
      // file; read them once the current chunk is processed (and the fields sent as parts are read).
      io.vertx.core.Vertx.currentContext().runOnContext(x -> Future.all(fieldsRead).onComplete(read -> {
        if (read.failed()) {
          uploaded.tryFail(read.cause());
          upload.handler(b -> { });
          upload.resume();
          return;
        }
        start(call, bucket, blobId, upload, partFields, uploaded);
      }));
    });
    http.exceptionHandler(e -> done.tryFail(S3Errors.incompleteBody()));
    http.endHandler(v -> {
      // The file part, if any, has been seen by now; its upload may still be closing the temp file.
      if (!sawFile[0]) uploaded.tryFail(S3Errors.invalidArgument("POST requires exactly one file upload per request."));
      uploaded.future().onComplete(done);
    });
    http.resume();
    return done.future();
  }

  /** Reads a field sent as a file part into {@code fields} (lower-case name; the first of a name counts). */
  private static Future<Void> readField(HttpServerFileUpload part, Map<String, String> fields) {
    Promise<Void> read = Promise.promise();
    Buffer value = Buffer.buffer();
    part.handler(b -> {
      if (value.length() + b.length() > MAX_FIELD) {
        read.tryFail(S3Errors.invalidArgument("Form field " + part.name() + " is longer than " + MAX_FIELD + " bytes."));
      } else {
        value.appendBuffer(b);
      }
    });
    part.exceptionHandler(e -> read.tryFail(S3Errors.incompleteBody()));
    part.endHandler(v -> {
      if (read.future().isComplete()) return;
      fields.putIfAbsent(part.name().toLowerCase(Locale.ROOT), value.toString(StandardCharsets.UTF_8));
      read.complete();
    });
    return read.future();
  }

  private void start(S3Call call, Bucket bucket, String blobId, HttpServerFileUpload upload,
      Map<String, String> partFields, Promise<Received> uploaded) {
    try {
      Map<String, String> form = lowerCase(call.http());
      partFields.forEach(form::putIfAbsent);
      // The key's ${filename} is the file's name without any path, before the policy judges the key.
      String filename = upload.filename().substring(Math.max(upload.filename().lastIndexOf('/'), upload.filename().lastIndexOf('\\')) + 1);
      form.computeIfPresent("key", (k, v) -> v.replace("${filename}", filename));
      PostPolicy policy = form.containsKey("policy") ? PostPolicy.verify(form, ctx.secrets(), ctx.now()) : null;
      if (policy == null && !bucket.acl().equals("public-read-write")) throw S3Errors.accessDenied();
      if (policy != null) policy.check(form, call.bucket());
      String key = form.getOrDefault("key", "");
      if (key.isEmpty()) throw S3Errors.invalidArgument("Bucket POST must contain a field named 'key'.");
      ObjectHeaders.checkKey(key);
      streamToFile(upload, blobId).onComplete(r -> {
        if (r.failed()) {
          uploaded.tryFail(r.cause());
          return;
        }
        if (policy != null) {
          try {
            policy.checkLength(r.result().size());
          } catch (RuntimeException e) {
            uploaded.tryFail(e);
            return;
          }
        }
        uploaded.tryComplete(new Received(form, key, upload.contentType(), r.result(),
            policy == null ? Principal.ANONYMOUS : ctx.principals().ofAccessKey(policy.signer())));
      });
    } catch (RuntimeException e) {
      uploaded.tryFail(e);
      upload.handler(b -> { });
      upload.resume();
    }
  }

  private Future<BodyDigests.Result> streamToFile(HttpServerFileUpload upload, String blobId) {
    BodyDigests digests = new BodyDigests(null, false);
    return ctx.vertx().fileSystem().open(ctx.blobs().tempPath(blobId).toString(),
        new OpenOptions().setWrite(true).setCreateNew(true)).compose(file -> {
          Promise<BodyDigests.Result> p = Promise.promise();
          upload.handler(b -> {
            digests.update(b.getBytes(), 0, b.length());
            file.write(b);
            if (file.writeQueueFull()) {
              upload.pause();
              file.drainHandler(x -> upload.resume());
            }
          });
          upload.exceptionHandler(e -> close(file).onComplete(x -> p.tryFail(S3Errors.incompleteBody())));
          upload.endHandler(v -> close(file).onComplete(x -> p.tryComplete(digests.finish())));
          upload.resume();
          return p.future();
        });
  }

  private static Future<Void> close(AsyncFile f) { return f.close(); }

  /** A form's {@code tagging} field is a {@code <Tagging>} document (S3 API Reference, PostObject). */
  private static Map<String, String> tags(String tagging) {
    if (tagging == null || tagging.isBlank()) return Map.of();
    return TaggingHandlers.tagSet(tagging.getBytes(StandardCharsets.UTF_8), 10);
  }

  private ObjectMeta store(S3Call call, Received r, String blobId) {
    if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
    Map<String, String> content = new LinkedHashMap<>();
    for (String h : ObjectHeaders.CONTENT) {
      String v = r.form().get(h);
      if (v != null && !v.isEmpty()) content.put(h, v);
    }
    if (!content.containsKey("content-type") && r.fileContentType() != null) content.put("content-type", r.fileContentType());
    Map<String, String> metadata = new TreeMap<>();
    r.form().forEach((k, v) -> {
      if (k.startsWith("x-amz-meta-")) metadata.put(k.substring("x-amz-meta-".length()), v);
    });
    Acl acl = ObjectAcls.forNewObject(ctx, call, h -> r.form().get(h.equals("x-amz-acl") ? "acl" : h));
    ctx.blobs().commit(blobId);
    BodyDigests.Result d = r.digests();
    ObjectMeta meta = new ObjectMeta(r.key(), blobId, d.size(), d.etag(), ctx.now(), content, metadata,
        r.form().getOrDefault("x-amz-storage-class", "STANDARD"), d.algorithm(), d.checksum(), "FULL_OBJECT",
        List.of(), tags(r.form().get("tagging")))
        .withAcl(acl);
    ObjectMeta stored = new ObjectVersions(ctx).put(call.bucket(), meta, null);
    ctx.events().created(call.bucket(), stored, "ObjectCreated:Post", EventOrigin.of(call, r.uploader()));
    return stored;
  }

  private static S3Response respond(S3Call call, Map<String, String> form, ObjectMeta meta) {
    String location = "/" + call.bucket() + "/" + meta.key();
    String redirect = form.get("success_action_redirect");
    if (redirect != null && !redirect.isEmpty()) {
      String sep = redirect.contains("?") ? "&" : "?";
      return S3Response.status(303).header("location", redirect + sep + "bucket=" + call.bucket() + "&key="
          + io.thingtank.aws.auth.AwsUriEncoding.encode(meta.key(), false) + "&etag=" + meta.quotedEtag())
          .header("etag", meta.quotedEtag());
    }
    String status = form.getOrDefault("success_action_status", "204");
    if (status.equals("201")) {
      return S3Response.xml(201, XmlOut.plain("PostResponse").el("Location", location).el("Bucket", call.bucket())
          .el("Key", meta.key()).el("ETag", meta.quotedEtag())).header("etag", meta.quotedEtag())
          .header("location", location).header("x-amz-version-id", VersionIds.ofWrite(meta));
    }
    return S3Response.status(status.equals("200") ? 200 : 204).header("etag", meta.quotedEtag())
        .header("location", location).header("x-amz-version-id", VersionIds.ofWrite(meta));
  }

  private static Map<String, String> lowerCase(HttpServerRequest http) {
    Map<String, String> form = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : http.formAttributes()) form.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
    return form;
  }
}

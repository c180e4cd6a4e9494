package io.thingtank.s3.handler;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.version.ObjectVersions;
import io.thingtank.s3.wire.ByteRange;
import io.thingtank.s3.wire.Preconditions;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.S3Operation;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * GetObject and HeadObject, of the current version or the one {@code versionId} names: preconditions, a byte range or a part ({@code partNumber}), checksum
 * headers when {@code x-amz-checksum-mode: ENABLED} asks for the whole object, and the body: up to
 * {@link #IN_MEMORY} bytes read in the same task and answered from memory, larger bodies sent from
 * the blob file with zero copy. {@link #readSmall} answers on the event loop (HEAD, bodies up to
 * {@link #ON_EVENT_LOOP} bytes, and {@code sendFile} ones), {@link #read} the rest on any worker.
 */
public final class GetObjectHandler implements BlockingRead {
  /** Bodies up to this size are read in the request's task and sent as one buffer. */
  static final long IN_MEMORY = 1 << 20;
  /** Bodies up to this size are read on the event loop ({@link #readSmall}). */
  static final long ON_EVENT_LOOP = 64 * 1024;

  private final S3Context ctx;

  private final ObjectVersions versions;

  public GetObjectHandler(S3Context ctx) {
    this.ctx = ctx;
    this.versions = new ObjectVersions(ctx);
  }

  @Override
  public Future<S3Response> handle(S3Call call) { return ctx.onAnyWorker(() -> read(call)); }

  @Override
  public S3Response read(S3Call call) {
    try {
      return readOnce(call, IN_MEMORY);
    } catch (NoSuchFileException e) {
      return retry(call); // a concurrent write replaced the version we found and removed its blob
    }
  }

  /** Bodies up to {@link #ON_EVENT_LOOP} are read here; others decline (null), as does a blob removed meanwhile. */
  @Override
  public S3Response readSmall(S3Call call) {
    try {
      return readOnce(call, ON_EVENT_LOOP);
    } catch (NoSuchFileException e) {
      return null; // the worker's read finds the version that replaced it
    }
  }

  private S3Response retry(S3Call call) {
    try {
      return readOnce(call, IN_MEMORY);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The response, or null when the body is longer than {@code maxRead} yet too short for {@code sendFile}. */
  private S3Response readOnce(S3Call call, long maxRead) throws NoSuchFileException {
    String versionId = call.param("versionId");
    if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
    ObjectMeta meta = versions.read(call.bucket(), call.key(), versionId);
    S3Response r = respond(call, meta, maxRead);
    if (r == null) return null;
    var expiry = versionId != null ? null
        : ctx.expirations().of(ctx.lifecycles().lifecycle(call.bucket()).orElse(null), meta);
    return r.header("x-amz-expiration", expiry == null ? null : expiry.header());
  }

  private S3Response respond(S3Call call, ObjectMeta meta, long maxRead) throws NoSuchFileException {
    Preconditions.check(call, "", meta, true);
    ByteRange range = partRange(call, meta);
    boolean part = range != null;
    if (range == null) range = ByteRange.parse(call.header("range"), meta.size());
    S3Response r = S3Response.status(range == null ? 200 : 206);
    ObjectHeaders.describe(r, meta, call);
    if (!meta.partSizes().isEmpty()) r.header("x-amz-mp-parts-count", meta.partSizes().size());
    if (range != null) {
      r.header("content-range", range.contentRange(meta.size())).header("content-length", range.length());
    } else {
      r.header("content-length", meta.size());
      if ("ENABLED".equalsIgnoreCase(call.header("x-amz-checksum-mode")) && meta.checksum() != null) {
        r.header(meta.checksumAlgorithm().header(), meta.checksum()).header("x-amz-checksum-type", meta.checksumType());
      }
    }
    if (part && "ENABLED".equalsIgnoreCase(call.header("x-amz-checksum-mode")) && meta.partSizes().isEmpty()
        && meta.checksum() != null) {
      r.header(meta.checksumAlgorithm().header(), meta.checksum());
    }
    long offset = range == null ? 0 : range.first();
    long length = range == null ? meta.size() : range.length();
    if (length == 0) return r;
    if (call.operation() == S3Operation.HeadObject) return r;
    if (length > IN_MEMORY) return r.file(ctx.blobs().path(meta.blobId()), offset, length);
    if (length > maxRead) return null;
    try {
      return r.data(Buffer.buffer(ctx.blobs().read(meta.blobId(), offset, (int) length)));
    } catch (NoSuchFileException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The byte range of part {@code partNumber} (1 for a single-part object), or null when not asked. */
  private static ByteRange partRange(S3Call call, ObjectMeta meta) {
    String p = call.param("partNumber");
    if (p == null) return null;
    int n;
    try {
      n = Integer.parseInt(p);
    } catch (NumberFormatException e) {
      throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive");
    }
    if (n < 1 || n > 10000) throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive");
    if (meta.partSizes().isEmpty()) {
      if (n != 1) throw S3Errors.invalidPart("The requested partnumber is not satisfiable");
      return meta.size() == 0 ? null : new ByteRange(0, meta.size() - 1);
    }
    if (n > meta.partSizes().size()) throw S3Errors.invalidPart("The requested partnumber is not satisfiable");
    long start = 0;
    for (int i = 0; i < n - 1; i++) start += meta.partSizes().get(i);
    return new ByteRange(start, start + meta.partSizes().get(n - 1) - 1);
  }
}

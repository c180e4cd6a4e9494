package io.thingtank.s3.wire.body;

import io.thingtank.aws.AwsError;
import io.thingtank.aws.auth.SigV4Result;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.checksum.BodyDigests;
import io.thingtank.s3.checksum.ChecksumAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * Reads a request body once, on the request's event loop: undoes aws-chunked framing (checking
 * chunk signatures), computes MD5, the flexible checksum and the SHA-256 on the way, writes the
 * bytes to a file (with back-pressure) or memory, and at the end checks {@code Content-MD5},
 * {@code x-amz-content-sha256} and the {@code x-amz-checksum-*} header or trailer.
 */
public final class BodyReceiver {
  private final HttpServerRequest http;
  private final SigV4Result auth;

  public BodyReceiver(HttpServerRequest http, SigV4Result auth) {
    this.http = http;
    this.auth = auth;
  }

  /**
   * The algorithm a PUT declares: the trailer's, a checksum header's, or the SDK's algorithm
   * header; null if none.
   */
  public ChecksumAlgorithm declaredAlgorithm() {
    String trailer = http.getHeader("x-amz-trailer");
    if (trailer != null && trailer.toLowerCase(Locale.ROOT).startsWith("x-amz-checksum-")) {
      return parseAlgorithm(trailer.substring("x-amz-checksum-".length()));
    }
    for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) if (http.getHeader(a.header()) != null) return a;
    return parseAlgorithm(http.getHeader("x-amz-sdk-checksum-algorithm"));
  }

  private static ChecksumAlgorithm parseAlgorithm(String name) {
    try {
      return ChecksumAlgorithm.parse(name == null ? null : name.trim());
    } catch (IllegalArgumentException e) {
      throw S3Errors.invalidRequest("Value for x-amz-checksum-algorithm header is invalid.");
    }
  }

  /**
   * True when the body has a declared {@code Content-Length} of at most {@code max} bytes and no
   * aws-chunked framing, so it can be read into memory whole.
   */
  public boolean fitsInMemory(long max) {
    String length = http.getHeader("content-length");
    if (length == null) return false;
    try {
      long n = Long.parseLong(length.trim());
      return n >= 0 && n <= max
          && !PayloadMode.of(http.getHeader("x-amz-content-sha256"), http.getHeader("content-encoding")).chunked();
    } catch (RuntimeException e) {
      return false; // not a number, or an unsupported mode: the streaming path reports it
    }
  }

  /** Reads the whole body into memory; more than {@code max} bytes fails with {@code tooLarge}. */
  public Future<ReceivedBody> toMemory(int max, AwsError tooLarge) { return toMemory(max, tooLarge, true); }

  /**
   * As {@link #toMemory(int, AwsError)} for CompleteMultipartUpload, whose {@code x-amz-checksum-*}
   * headers are the checksum of the object it completes, not of its XML body.
   */
  public Future<ReceivedBody> completionToMemory(int max, AwsError tooLarge) { return toMemory(max, tooLarge, false); }

  private Future<ReceivedBody> toMemory(int max, AwsError tooLarge, boolean checksumHeadersAreTheBodys) {
    String length = http.getHeader("content-length");
    Buffer all = length == null ? Buffer.buffer() : Buffer.buffer(initialSize(length, max));
    return receive(checksumHeadersAreTheBodys ? declaredAlgorithm() : null, checksumHeadersAreTheBodys, new Sink() {
      @Override public void write(Buffer b) {
        if (all.length() + b.length() > max) throw tooLarge;
        all.appendBuffer(b);
      }

      @Override public boolean full() { return false; }

      @Override public void drain(Runnable r) {}

      @Override public Future<Void> end() { return Future.succeededFuture(); }

      @Override public void abort() {}
    }).map(d -> new ReceivedBody(d, all));
  }

  private static int initialSize(String contentLength, int max) {
    try {
      return (int) Math.max(0, Math.min(max, Long.parseLong(contentLength.trim())));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Streams the body into a new file at {@code path} (removed again on failure). */
  public Future<ReceivedBody> toFile(Vertx vertx, Path path, ChecksumAlgorithm algorithm, long maxSize) {
    http.pause();
    return vertx.fileSystem().open(path.toString(), new OpenOptions().setWrite(true).setCreateNew(true))
        .compose(file -> receive(algorithm, true, new FileSink(vertx, file, path, maxSize)))
        .map(d -> new ReceivedBody(d, null));
  }

  private Future<BodyDigests.Result> receive(ChecksumAlgorithm algorithm, boolean checksumHeaders, Sink sink) {
    PayloadMode mode = PayloadMode.of(http.getHeader("x-amz-content-sha256"), http.getHeader("content-encoding"));
    BodyDecoder decoder = mode.decoder(auth);
    BodyDigests digests = new BodyDigests(algorithm, mode.sha256Hex() != null);
    Promise<BodyDigests.Result> done = Promise.promise();
    http.handler(wire -> {
      if (done.future().isComplete()) return;
      try {
        decoder.feed(wire, b -> {
          // The chunk's own bytes (a heap ByteBuf as Vert.x hands them over), not a copy.
          digests.update(((BufferInternal) b).getByteBuf().nioBuffer());
          sink.write(b);
        });
        if (sink.full()) {
          http.pause();
          sink.drain(http::resume);
        }
      } catch (RuntimeException e) {
        sink.abort();
        done.tryFail(e);
      }
    });
    http.exceptionHandler(e -> {
      sink.abort();
      done.tryFail(S3Errors.incompleteBody());
    });
    http.endHandler(v -> {
      if (done.future().isComplete()) return;
      try {
        decoder.end();
        BodyDigests.Result result = digests.finish();
        verify(mode, decoder, result, checksumHeaders);
        sink.end().onSuccess(x -> done.tryComplete(result)).onFailure(e -> {
          sink.abort();
          done.tryFail(e);
        });
      } catch (RuntimeException e) {
        sink.abort();
        done.tryFail(e);
      }
    });
    if ("100-continue".equalsIgnoreCase(http.getHeader("expect"))) http.response().writeContinue();
    http.resume();
    return done.future();
  }

  private void verify(PayloadMode mode, BodyDecoder decoder, BodyDigests.Result d, boolean checksumHeaders) {
    if (mode.sha256Hex() != null && !mode.sha256Hex().equals(d.sha256Hex())) throw S3Errors.contentSha256Mismatch();
    String decodedLength = http.getHeader("x-amz-decoded-content-length");
    if (mode.chunked() && decodedLength != null && !decodedLength.trim().equals(Long.toString(d.size()))) {
      throw S3Errors.incompleteBody();
    }
    String md5 = http.getHeader("content-md5");
    if (md5 != null) {
      byte[] declared;
      try {
        declared = Base64.getDecoder().decode(md5.trim());
      } catch (IllegalArgumentException e) {
        throw S3Errors.invalidDigest();
      }
      if (declared.length != 16) throw S3Errors.invalidDigest();
      if (!java.util.Arrays.equals(declared, d.md5())) throw S3Errors.badDigest("Content-MD5");
    }
    String header = d.algorithm().header();
    String declared = decoder.trailers().getOrDefault(header, checksumHeaders ? http.getHeader(header) : null);
    if (declared != null && !declared.trim().equals(d.checksum())) throw S3Errors.badDigest(d.algorithm().name());
  }

  /** Where decoded bytes go. */
  private interface Sink {
    void write(Buffer b);

    boolean full();

    void drain(Runnable resume);

    Future<Void> end();

    void abort();
  }

  /**
   * Writes to an {@link AsyncFile} in blocks of {@link #BLOCK} bytes gathered from the decoded
   * chunks (Vert.x hands HTTP content over in 8 KiB chunks: one file write each would cost a
   * worker hand-off and a {@code pwrite} per 8 KiB) in pooled direct buffers, which the file
   * channel writes without another copy; closes the file at the end (after the pending writes)
   * and deletes it on abort.
   */
  private static final class FileSink implements Sink {
    static final int BLOCK = 512 * 1024;
    private final Vertx vertx;
    private final AsyncFile file;
    private final Path path;
    private final long maxSize;
    private long written;
    private boolean closed;
    /** The block being gathered; null when none is. */
    private ByteBuf block;

    FileSink(Vertx vertx, AsyncFile file, Path path, long maxSize) {
      this.vertx = vertx;
      this.file = file;
      this.path = path;
      this.maxSize = maxSize;
      // One block written while the next one fills.
      file.setWriteQueueMaxSize(2 * BLOCK);
    }

    @Override public void write(Buffer b) {
      written += b.length();
      if (written > maxSize) throw S3Errors.entityTooLarge();
      ByteBuf src = ((BufferInternal) b).getByteBuf();
      for (int at = src.readerIndex(), end = src.writerIndex(); at < end; ) {
        if (block == null) block = PooledByteBufAllocator.DEFAULT.directBuffer(BLOCK, BLOCK);
        int n = Math.min(end - at, block.writableBytes());
        block.writeBytes(src, at, n);
        at += n;
        if (!block.isWritable()) flush();
      }
    }

    private void flush() {
      ByteBuf full = block;
      block = null;
      file.write(BufferInternal.buffer(full)).onComplete(x -> full.release());
    }

    @Override public boolean full() { return file.writeQueueFull(); }

    @Override public void drain(Runnable resume) { file.drainHandler(v -> resume.run()); }

    @Override public Future<Void> end() {
      if (block != null && block.isReadable()) flush();
      release();
      closed = true;
      return file.close();
    }

    @Override public void abort() {
      release();
      if (!closed) {
        closed = true;
        file.close().onComplete(x -> vertx.fileSystem().delete(path.toString()));
      } else {
        vertx.fileSystem().delete(path.toString());
      }
    }

    private void release() {
      if (block != null) {
        block.release();
        block = null;
      }
    }
  }
}

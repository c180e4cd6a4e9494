package io.thingtank.s3.handler;

import io.thingtank.s3.checksum.BodyDigests;
import io.thingtank.s3.checksum.ChecksumAlgorithm;
import io.thingtank.s3.checksum.Hasher;
import io.thingtank.s3.store.Blobs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Copies byte ranges of blobs (files or inline bodies) into a new temp file, computing the digests
 * on the way (CopyObject, UploadPartCopy, CompleteMultipartUpload's concatenation). Blocking.
 */
final class BlobCopier {
  private BlobCopier() {}

  /** A byte range of one source blob. */
  record Source(String blobId, long offset, long length) {}

  /** Also feeds every byte to {@code extra} when non-null (the full-object checksum of a multipart object). */
  static BodyDigests.Result copy(Blobs blobs, List<Source> sources, Path target, ChecksumAlgorithm algorithm,
      Hasher extra) {
    BodyDigests digests = new BodyDigests(algorithm, false);
    try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (Source s : sources) {
        blobs.readChunks(s.blobId(), s.offset(), s.length(), chunk -> {
          int from = chunk.arrayOffset() + chunk.position();
          digests.update(chunk.array(), from, chunk.remaining());
          if (extra != null) extra.update(chunk.array(), from, chunk.remaining());
          while (chunk.hasRemaining()) out.write(chunk);
        });
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return digests.finish();
  }
}

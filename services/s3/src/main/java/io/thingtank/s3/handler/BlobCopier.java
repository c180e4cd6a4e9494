package io.thingtank.s3.handler;

import io.thingtank.s3.checksum.BodyDigests;
import io.thingtank.s3.checksum.ChecksumAlgorithm;
import io.thingtank.s3.checksum.Hasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Copies byte ranges of blob files into a new temp file, computing the digests on the way
 * (CopyObject, UploadPartCopy, CompleteMultipartUpload's concatenation). Blocking.
 */
final class BlobCopier {
  private static final int BUFFER = 1 << 20;

  private BlobCopier() {}

  /** A byte range of one source file. */
  record Source(Path file, long offset, long length) {}

  /** Also feeds every byte to {@code extra} when non-null (the full-object checksum of a multipart object). */
  static BodyDigests.Result copy(List<Source> sources, Path target, ChecksumAlgorithm algorithm, Hasher extra) {
    BodyDigests digests = new BodyDigests(algorithm, false);
    ByteBuffer buf = ByteBuffer.allocate(BUFFER);
    try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (Source s : sources) {
        try (FileChannel in = FileChannel.open(s.file(), StandardOpenOption.READ)) {
          long pos = s.offset(), end = s.offset() + s.length();
          while (pos < end) {
            buf.clear().limit((int) Math.min(BUFFER, end - pos));
            int n = in.read(buf, pos);
            if (n < 0) throw new IOException("blob " + s.file() + " is shorter than its metadata says");
            digests.update(buf.array(), 0, n);
            if (extra != null) extra.update(buf.array(), 0, n);
            buf.flip();
            while (buf.hasRemaining()) out.write(buf);
            pos += n;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return digests.finish();
  }
}

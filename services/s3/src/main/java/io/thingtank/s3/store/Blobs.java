package io.thingtank.s3.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Set;

/**
 * Where object and part bodies live, behind one id: a body the server holds in memory and that is
 * at most {@link #INLINE_MAX} bytes is stored inline in RocksDB ({@link InlineBodies}; its id starts
 * with {@code i}, which no file id does: those are 32 hex digits), every other body is a file
 * ({@link BlobFiles}). Readers never need to know which: {@link #read} and {@link #readChunks}
 * serve both; only {@link #path} (zero-copy {@code sendFile} of large bodies) is for files alone.
 * Blocking; call off the event loop except for {@link #read} of small bodies. Thread-safe.
 */
public final class Blobs {
  /**
   * Bodies up to this size are stored inline: the same bound under which GET reads a body on the
   * event loop, so every inline body is answered there from one RocksDB point read; and small
   * enough that RocksDB's compactions rewriting values stay cheap against creating a file per body.
   */
  public static final int INLINE_MAX = 64 * 1024;
  private static final char INLINE = 'i';
  private static final int CHUNK = 1 << 20;

  private final BlobFiles files;
  private final InlineBodies inline;

  public Blobs(BlobFiles files, InlineBodies inline) {
    this.files = files;
    this.inline = inline;
  }

  /** Whether {@code id} names an inline body (false for null: a delete marker has no body). */
  public static boolean isInline(String id) { return id != null && !id.isEmpty() && id.charAt(0) == INLINE; }

  /** Whether a body of {@code size} bytes, held in memory, is stored inline. */
  public static boolean fitsInline(long size) { return size <= INLINE_MAX; }

  /** A new file blob id; unique within this data directory. */
  public String newId() { return files.newId(); }

  /** A new inline body id. */
  public String newInlineId() { return INLINE + files.newId(); }

  public Path tempPath(String id) { return files.tempPath(id); }

  /** The file of a file blob (for {@code sendFile}); inline ids have none. */
  public Path path(String id) {
    if (isInline(id)) throw new IllegalArgumentException("blob " + id + " is inline: it has no file");
    return files.path(id);
  }

  /** Syncs (when configured) and renames a finished temp file into place. */
  public void commit(String id) { files.commit(id); }

  /** Writes a body held in memory to its new blob file (see {@link BlobFiles#commit(String, ByteBuffer)}). */
  public void commit(String id, ByteBuffer bytes) { files.commit(id, bytes); }

  /** {@code length} bytes of blob {@code id} from {@code offset}; NoSuchFileException when the blob is gone. */
  public byte[] read(String id, long offset, int length) throws IOException {
    if (!isInline(id)) return files.read(id, offset, length);
    byte[] body = inline.get(id);
    if (body == null) throw new NoSuchFileException(id);
    if (offset + length > body.length) throw new IOException("blob " + id + " is shorter than its metadata");
    if (offset == 0 && length == body.length) return body;
    return java.util.Arrays.copyOfRange(body, (int) offset, (int) offset + length);
  }

  /** Receives the chunks of {@link #readChunks}: a heap buffer, valid only during the call. */
  @FunctionalInterface
  public interface ChunkSink {
    void accept(ByteBuffer chunk) throws IOException;
  }

  /** Hands {@code length} bytes of blob {@code id} from {@code offset} to {@code sink}, in chunks of at most 1 MiB. */
  public void readChunks(String id, long offset, long length, ChunkSink sink) throws IOException {
    if (isInline(id)) {
      sink.accept(ByteBuffer.wrap(read(id, offset, Math.toIntExact(length))));
      return;
    }
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(1, length)));
    try (FileChannel in = FileChannel.open(files.path(id), StandardOpenOption.READ)) {
      long pos = offset, end = offset + length;
      while (pos < end) {
        buf.clear().limit((int) Math.min(buf.capacity(), end - pos));
        int n = in.read(buf, pos);
        if (n < 0) throw new IOException("blob " + id + " is shorter than its metadata says");
        sink.accept(buf.flip());
        pos += n;
      }
    }
  }

  /** Removes a body no metadata refers to any more (an inline one in its own write). */
  public void delete(String id) {
    if (id == null) return;
    if (isInline(id)) inline.delete(id);
    else files.delete(id);
  }

  /** After a metadata change that dropped {@code ids}: deletes the files among them (inline ones went with the change's batch, {@link BodyRows}). */
  public void deleteFiles(Collection<String> ids) {
    for (String id : ids) if (id != null && !isInline(id)) files.delete(id);
  }

  public void deleteTemp(String id) { files.deleteTemp(id); }

  /** Start-up sweep: removes temp files, and file and inline bodies not in {@code referenced}; returns how many. */
  public int sweep(Set<String> referenced) { return files.sweep(referenced) + inline.sweep(referenced); }
}

package io.thingtank.s3.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Object and part bodies as files under {@code <dataDir>/s3}: streamed bodies are written to
 * {@code tmp/<id>}, synced, then renamed to {@code blobs/<id[last 2]>/<id>}; bodies held in memory
 * are written to their blob path directly. Either way a blob is complete before any metadata
 * refers to it. Temp files left by a crash are removed at start, and so are blobs no metadata
 * references. Blocking; call off the event loop. Thread-safe.
 */
public final class BlobFiles {
  private static final Logger LOG = LoggerFactory.getLogger(BlobFiles.class);
  private final Path tmp;
  private final Path blobs;
  private final boolean fsync;
  /** Fan-out directories under {@code blobs} known to exist (created at most once each). */
  private final Set<Path> knownDirs = ConcurrentHashMap.newKeySet();

  public BlobFiles(Path root, boolean fsync) {
    this.tmp = root.resolve("tmp");
    this.blobs = root.resolve("blobs");
    this.fsync = fsync;
    try {
      Files.createDirectories(tmp);
      Files.createDirectories(blobs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new blob id; unique within this data directory. */
  public String newId() { return java.util.UUID.randomUUID().toString().replace("-", ""); }

  public Path tempPath(String id) { return tmp.resolve(id); }

  public Path path(String id) { return blobs.resolve(id.substring(Math.max(0, id.length() - 2))).resolve(id); }

  /**
   * {@code length} bytes of blob {@code id} from {@code offset}, in one positional read per
   * kernel call (small objects answered from memory); NoSuchFileException when the blob is gone.
   */
  public byte[] read(String id, long offset, int length) throws IOException {
    ByteBuffer out = ByteBuffer.allocate(length);
    try (FileChannel ch = FileChannel.open(path(id), StandardOpenOption.READ)) {
      while (out.hasRemaining()) {
        if (ch.read(out, offset + out.position()) < 0) throw new IOException("blob " + id + " is shorter than its metadata");
      }
    }
    return out.array();
  }

  /** Syncs (when configured) and renames a finished temp file into place. */
  public void commit(String id) {
    if (fsync) {
      try (FileChannel ch = FileChannel.open(tempPath(id), StandardOpenOption.WRITE)) {
        ch.force(true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    place(id);
  }

  /**
   * Writes a body held in memory straight to its blob path in one blocking call (synced, with
   * its directory, when configured): the small-object path. No temp file and rename are needed:
   * the id is new ({@code CREATE_NEW}), nothing refers to it until the metadata that follows is
   * written, and the start-up sweep removes a blob whose metadata never was.
   */
  public void commit(String id, ByteBuffer bytes) {
    Path to = path(id);
    intoFanOut(to, () -> write(to, bytes));
  }

  /** Creates {@code to} and writes {@code bytes}; a file this call created but could not finish is removed. */
  private void write(Path to, ByteBuffer bytes) throws IOException {
    FileChannel ch = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try (ch) {
      while (bytes.hasRemaining()) ch.write(bytes);
      if (fsync) ch.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(to);
      throw e;
    }
  }

  /** Renames a synced temp file to its blob path (syncing the directory when configured). */
  private void place(String id) {
    Path from = tempPath(id);
    Path to = path(id);
    intoFanOut(to, () -> move(from, to));
  }

  private interface FileStep {
    void run() throws IOException;
  }

  /**
   * Runs {@code step}, which creates {@code to}, in its fan-out directory (made on first use),
   * then syncs the directory when configured.
   */
  private void intoFanOut(Path to, FileStep step) {
    try {
      if (knownDirs.add(to.getParent())) Files.createDirectories(to.getParent());
      try {
        step.run();
      } catch (NoSuchFileException e) {
        // The fan-out directory went away under us (removed by hand): make it again, once.
        Files.createDirectories(to.getParent());
        step.run();
      }
      if (fsync) syncDirectory(to.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  public void delete(String id) {
    if (id == null) return;
    try {
      Files.deleteIfExists(path(id));
    } catch (IOException e) {
      LOG.warn("cannot delete blob {}", id, e);
    }
  }

  public void deleteTemp(String id) {
    try {
      Files.deleteIfExists(tempPath(id));
    } catch (IOException e) {
      LOG.warn("cannot delete temp file {}", id, e);
    }
  }

  /** Start-up sweep: removes every temp file and every blob not in {@code referenced}. */
  public int sweep(Set<String> referenced) {
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp)) {
      for (Path f : files) {
        Files.deleteIfExists(f);
        removed++;
      }
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(blobs)) {
        for (Path dir : dirs) {
          try (DirectoryStream<Path> inDir = Files.newDirectoryStream(dir)) {
            for (Path f : inDir) {
              if (!referenced.contains(f.getFileName().toString())) {
                Files.deleteIfExists(f);
                removed++;
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return removed;
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      LOG.debug("directory sync not supported for {}", dir);
    }
  }
}

package io.thingtank.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A scenario's temporary directory (server data dirs and logs), deleted when the scenario ends
 * unless {@code keep} is set: a devices run leaves hundreds of MiB of store behind. Main thread.
 */
final class WorkDir implements AutoCloseable {
  final Path path;
  private final boolean keep;

  WorkDir(String prefix, boolean keep) throws IOException {
    this.path = Files.createTempDirectory(prefix);
    this.keep = keep;
  }

  Path resolve(String child) { return path.resolve(child); }

  @Override
  public void close() throws IOException {
    if (keep) {
      System.err.println("kept " + path);
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}

package io.thingtank.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the machine itself can do, measured in the same run as the servers: bytes pushed through
 * one loopback TCP connection in 8 MiB writes, and bytes written (8 MiB writes) and fsynced into a
 * file on the data directory's filesystem. MB = 10^6 bytes. Blocking; a reader thread for loopback.
 */
final class MachineCeiling {
  static final int BLOCK = 8 << 20;

  record Rates(double loopbackMBps, double diskMBps) {
    /** What a PUT can reach: it crosses loopback and lands on disk. */
    double putCeiling() { return Math.min(loopbackMBps, diskMBps); }
  }

  private MachineCeiling() {}

  /** The best of three loopback runs (the machine is shared: the best is the closest to what it can do) and one disk run. */
  static Rates measure(Path dataDirFs, long loopbackBytes, long diskBytes) throws Exception {
    double best = 0;
    for (int i = 0; i < 3; i++) best = Math.max(best, loopback(loopbackBytes));
    return new Rates(best, disk(dataDirFs, diskBytes));
  }

  /** One socket pair on 127.0.0.1: the writer pushes {@code total} bytes in 8 MiB buffers, the reader drains them. */
  static double loopback(long total) throws Exception {
    try (ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> drain(server));
      ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
      long t0;
      try (SocketChannel out = SocketChannel.open(server.getLocalAddress())) {
        t0 = System.nanoTime();
        for (long sent = 0; sent < total; sent += BLOCK) {
          block.clear();
          while (block.hasRemaining()) out.write(block);
        }
        out.shutdownOutput();
        long got = received.get(120, TimeUnit.SECONDS);
        return got / ((System.nanoTime() - t0) / 1e9) / 1e6;
      }
    }
  }

  private static long drain(ServerSocketChannel server) {
    try (SocketChannel in = server.accept()) {
      ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
      long got = 0;
      for (int n; (n = in.read(block.clear())) >= 0; ) got += n;
      return got;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code total} random bytes in 8 MiB writes to a new file in {@code dir}, fsyncs it, deletes it. */
  static double disk(Path dir, long total) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("ceiling-" + System.nanoTime());
    byte[] random = new byte[BLOCK];
    new SplittableRandom(7).nextBytes(random);
    ByteBuffer block = ByteBuffer.allocateDirect(BLOCK).put(random);
    try {
      long t0 = System.nanoTime();
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        for (long written = 0; written < total; written += BLOCK) {
          block.clear();
          while (block.hasRemaining()) ch.write(block);
        }
        ch.force(true);
      }
      return total / ((System.nanoTime() - t0) / 1e9) / 1e6;
    } finally {
      Files.deleteIfExists(file);
    }
  }
}

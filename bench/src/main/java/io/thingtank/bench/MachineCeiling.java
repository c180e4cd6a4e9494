package io.thingtank.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the machine itself can do, measured in the same run as the servers: bytes pushed through
 * one loopback TCP connection in 8 MiB writes, and bytes written (8 MiB writes) and fsynced into a
 * file on the data directory's filesystem. MB = 10^6 bytes. Blocking; a reader thread for loopback.
 *
 * <p>Also the CPU floor of a PUT when client and server share the machine's cores: S3's ETag is the
 * MD5 of every byte (one core's MD5 rate, measured here; MD5 cannot be split over cores), and the
 * bytes must cross loopback (the CPU both ends spend in the loopback run). No server reaches more
 * than {@code cores / (md5 + loopback CPU per byte)}, before writing a byte to a file or parsing
 * any HTTP. The CPU per byte of the disk run's writes is measured too, but not counted in the
 * floor: it moves tenfold with the writeback the page cache has in flight (0.25 ns/B on an idle
 * disk, 2-3 ns/B right after gigabytes of writes).
 */
final class MachineCeiling {
  static final int BLOCK = 8 << 20;
  /** CPU time of the measuring threads themselves (user + system), not of the whole JVM (JIT, GC). */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * {@code loopbackCpuNsPerByte}: CPU (both ends) per byte in the best loopback run;
   * {@code fileWriteCpuNsPerByte}: CPU per byte of the disk run's writes; {@code md5MBps}: one core.
   */
  record Rates(double loopbackMBps, double diskMBps, double loopbackCpuNsPerByte, double fileWriteCpuNsPerByte,
      double md5MBps, int cores) {
    /** What a PUT can reach: it crosses loopback and lands on disk. */
    double putCeiling() { return Math.min(loopbackMBps, diskMBps); }

    /** CPU ns per byte no PUT can go below: MD5 + loopback copy. */
    double putFloorNsPerByte() { return 1e3 / md5MBps + loopbackCpuNsPerByte; }

    /** The most any server that MD5s a PUT's bytes can take on these cores, with its client beside it. */
    double putCpuBound() { return cores / putFloorNsPerByte() * 1e3; }
  }

  /** One measured run: its rate and the CPU its threads spent per byte. */
  private record Run(double mbps, double cpuNsPerByte) {}

  private MachineCeiling() {}

  /** The best of three loopback runs (the machine is shared: the best is the closest to what it can do) and one disk run. */
  static Rates measure(Path dataDirFs, long loopbackBytes, long diskBytes) throws Exception {
    Run best = null;
    for (int i = 0; i < 3; i++) {
      Run run = loopback(loopbackBytes);
      if (best == null || run.mbps() > best.mbps()) best = run;
    }
    Run disk = disk(dataDirFs, diskBytes);
    return new Rates(best.mbps(), disk.mbps(), best.cpuNsPerByte(), disk.cpuNsPerByte(), md5(),
        Runtime.getRuntime().availableProcessors());
  }

  /** MB/s of one thread's MD5 over random 8 MiB blocks, the best of 3 runs of 16 blocks after 16 to warm up. */
  static double md5() throws Exception {
    byte[] block = new byte[BLOCK];
    new SplittableRandom(11).nextBytes(block);
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    for (int i = 0; i < 16; i++) md5.digest(block);
    double best = 0;
    for (int run = 0; run < 3; run++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 16; i++) md5.digest(block);
      best = Math.max(best, 16.0 * BLOCK / ((System.nanoTime() - t0) / 1e9) / 1e6);
    }
    return best;
  }

  /** One socket pair on 127.0.0.1: the writer pushes {@code total} bytes in 8 MiB buffers, the reader drains them. */
  static Run loopback(long total) throws Exception {
    try (ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      CompletableFuture<Drained> received = CompletableFuture.supplyAsync(() -> drain(server));
      ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
      long t0;
      long cpu0;
      try (SocketChannel out = SocketChannel.open(server.getLocalAddress())) {
        t0 = System.nanoTime();
        cpu0 = THREADS.getCurrentThreadCpuTime();
        for (long sent = 0; sent < total; sent += BLOCK) {
          block.clear();
          while (block.hasRemaining()) out.write(block);
        }
        out.shutdownOutput();
        long writerCpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        Drained got = received.get(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Run(got.bytes() / seconds / 1e6, (double) (writerCpu + got.cpuNanos()) / got.bytes());
      }
    }
  }

  /** What the loopback reader received, and the CPU its thread spent reading it. */
  private record Drained(long bytes, long cpuNanos) {}

  private static Drained drain(ServerSocketChannel server) {
    try (SocketChannel in = server.accept()) {
      ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long got = 0;
      for (int n; (n = in.read(block.clear())) >= 0; ) got += n;
      return new Drained(got, THREADS.getCurrentThreadCpuTime() - cpu0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes {@code total} random bytes in 8 MiB writes to a new file in {@code dir}, fsyncs it,
   * deletes it: the rate counts the fsync, the CPU per byte only the writes.
   */
  static Run disk(Path dir, long total) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("ceiling-" + System.nanoTime());
    byte[] random = new byte[BLOCK];
    new SplittableRandom(7).nextBytes(random);
    ByteBuffer block = ByteBuffer.allocateDirect(BLOCK).put(random);
    try {
      long t0 = System.nanoTime();
      long cpu;
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        for (long written = 0; written < total; written += BLOCK) {
          block.clear();
          while (block.hasRemaining()) ch.write(block);
        }
        cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        ch.force(true);
      }
      return new Run(total / ((System.nanoTime() - t0) / 1e9) / 1e6, (double) cpu / total);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}

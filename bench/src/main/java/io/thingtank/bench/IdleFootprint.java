package io.thingtank.bench;

/**
 * Memory of a server with {@code connections} idle clients connected, against its own baseline just
 * before: Java heap used after a full GC (-1 when the server is not a JVM) and resident memory.
 */
record IdleFootprint(String target, int connections, long heapBeforeMiB, long heapAfterMiB, long rssBeforeMiB,
    long rssAfterMiB) {

  static String header() {
    return Report.header("target", "idle connections", "heap after GC before (MiB)", "heap after GC with them (MiB)",
        "RSS before (MiB)", "RSS with them (MiB)");
  }

  String row() {
    return Report.row(target, connections, heapBeforeMiB < 0 ? "n/a" : heapBeforeMiB,
        heapAfterMiB < 0 ? "n/a" : heapAfterMiB, rssBeforeMiB, rssAfterMiB);
  }

  /** Measures {@code peer}, runs {@code connect} (which opens the idle clients), measures again. */
  static IdleFootprint measure(String target, Peer peer, boolean jvm, int connections, ThrowingRunnable connect)
      throws Exception {
    long heapBefore = jvm ? peer.heapUsedAfterGcMiB() : -1;
    long rssBefore = peer.residentMiB();
    connect.run();
    Thread.sleep(2000);
    long heapAfter = jvm ? peer.heapUsedAfterGcMiB() : -1;
    return new IdleFootprint(target, connections, heapBefore, heapAfter, rssBefore, peer.residentMiB());
  }

  /** A step that may throw. */
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}

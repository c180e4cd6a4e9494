package io.thingtank.mqtt;

import java.nio.file.Path;

/** Runs a dev-mode broker on a data dir in its own JVM (for kill -9 tests); prints "PORT <n>". */
public final class BrokerMain {
  private BrokerMain() {}

  public static void main(String[] args) throws Exception {
    TestBroker b = TestBroker.dev(Path.of(args[0]));
    System.out.println("PORT " + b.port());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}

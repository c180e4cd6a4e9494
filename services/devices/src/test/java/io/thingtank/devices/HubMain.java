package io.thingtank.devices;

import io.thingtank.core.Config;
import io.thingtank.core.Node;
import java.nio.file.Path;
import java.util.List;

/** A hub in its own JVM for the kill -9 test: prints its port, then runs until killed. */
public final class HubMain {
  private HubMain() {}

  public static void main(String[] args) throws Exception {
    DevicesModule devices = new DevicesModule();
    Node.start(Config.forTest(Path.of(args[0])), List.of(devices));
    System.out.println("PORT " + devices.port());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}

package io.thingtank.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code thingtank serve|keys}: the command line. */
@Command(name = "thingtank", mixinStandardHelpOptions = true, version = "ThingTank 0.1.0",
    description = "A self-hosted IoT cloud in one process: WAMP, device hub, MQTT and AWS-compatible APIs.",
    subcommands = {ServeCommand.class, KeysCommand.class})
public final class Main {
  public static void main(String[] args) {
    int code = new CommandLine(new Main()).execute(args);
    if (code != 0 || !ServeCommand.serving()) System.exit(code);
  }
}

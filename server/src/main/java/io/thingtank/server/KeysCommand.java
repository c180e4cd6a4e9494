package io.thingtank.server;

import io.thingtank.core.Clock;
import io.thingtank.core.Ids;
import io.thingtank.core.identity.AccessKey;
import io.thingtank.core.identity.Identity;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code thingtank keys create|list|delete}: manages the account's access keys in the data dir. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage AWS access keys.",
    subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Delete.class})
final class KeysCommand {
  @Option(names = "--data-dir", description = "Data directory (default: ./data).", scope = picocli.CommandLine.ScopeType.INHERIT)
  Path dataDir = Path.of("data");

  Identity identity() { return Identity.loadOrCreate(dataDir, null, Clock.SYSTEM, new Ids()); }

  @Command(name = "create", description = "Create a key pair and print it (the secret is shown once here).")
  static final class Create implements Runnable {
    @picocli.CommandLine.ParentCommand KeysCommand parent;
    @Option(names = "--description", defaultValue = "") String description;

    @Override public void run() {
      AccessKey k = parent.identity().create(description);
      System.out.println("AWS_ACCESS_KEY_ID=" + k.accessKeyId());
      System.out.println("AWS_SECRET_ACCESS_KEY=" + k.secretAccessKey());
    }
  }

  @Command(name = "list", description = "List access key ids.")
  static final class ListKeys implements Runnable {
    @picocli.CommandLine.ParentCommand KeysCommand parent;

    @Override public void run() {
      Identity id = parent.identity();
      System.out.println("account " + id.accountId());
      for (AccessKey k : id.keys()) {
        System.out.printf("%s  %s  %s%n", k.accessKeyId(), Instant.ofEpochMilli(k.createdMillis()), k.description());
      }
    }
  }

  @Command(name = "delete", description = "Delete an access key.")
  static final class Delete implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.ParentCommand KeysCommand parent;
    @Parameters(paramLabel = "ACCESS_KEY_ID") String accessKeyId;

    @Override public Integer call() {
      if (parent.identity().delete(accessKeyId)) {
        System.out.println("deleted " + accessKeyId);
        return 0;
      }
      System.err.println("no access key " + accessKeyId);
      return 1;
    }
  }
}

package io.thingtank.server;

import io.thingtank.core.Config;
import io.thingtank.core.Node;
import io.thingtank.core.ServiceModule;
import io.thingtank.core.identity.AccessKey;

/** The start banner: endpoints, credentials, and a loud warning in dev mode. */
final class Banner {
  private Banner() {}

  static String render(Node node, long startMillis) {
    Config c = node.platform().config();
    StringBuilder b = new StringBuilder();
    if (c.dev()) {
      b.append("\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n")
          .append("!!  DEV MODE: signatures are not checked and anonymous clients get full   !!\n")
          .append("!!  access. Never expose this instance to a network you do not control.   !!\n")
          .append("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n");
    }
    b.append("\nThingTank is up (").append(startMillis).append(" ms), data in ")
        .append(c.dataDir().toAbsolutePath().normalize()).append('\n');
    for (ServiceModule m : node.modules()) {
      for (String line : m.endpoints()) b.append("  ").append(line).append('\n');
    }
    String account = node.platform().accountId();
    b.append("\nAccount ").append(account).append(", region ").append(c.region()).append('\n');
    AccessKey root = node.platform().identity().keys().stream().findFirst().orElse(null);
    if (root != null) {
      b.append("  export AWS_ACCESS_KEY_ID=").append(root.accessKeyId()).append('\n')
          .append("  export AWS_SECRET_ACCESS_KEY=").append(root.secretAccessKey()).append('\n')
          .append("  export AWS_DEFAULT_REGION=").append(c.region()).append('\n');
    }
    b.append("(keys live in ").append(c.dataDir().resolve("credentials.json")).append("; manage them with"
        + " 'thingtank keys')\n\n");
    return b.toString();
  }
}

package io.thingtank.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ./thingtank launcher picks a JDK >= 21 even when JAVA_HOME names an older or missing one. */
class LauncherIT {
  static final Path LAUNCHER = Path.of("..", "thingtank").toAbsolutePath().normalize();

  @Test
  void fallsBackToAnInstalledJdk21OrNewer() throws Exception {
    for (String javaHome : new String[] {"/nonexistent/jdk", oldJdkOrBogus()}) {
      ProcessBuilder pb = new ProcessBuilder("bash", LAUNCHER.toString(), "help").redirectErrorStream(true);
      pb.environment().put("JAVA_HOME", javaHome);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("./thingtank run", "./thingtank test");
    }
  }

  @Test
  void unknownCommandFailsWithAHint() throws Exception {
    Process p = new ProcessBuilder("bash", LAUNCHER.toString(), "frobnicate").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isNotZero();
    assertThat(out).contains("unknown command 'frobnicate'");
  }

  /** A JDK older than 21 if the machine has one (Debian's 17 here), else another bogus path. */
  private static String oldJdkOrBogus() {
    Path jdk17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
    return Files.isExecutable(jdk17.resolve("bin/javac")) ? jdk17.toString() : "/nonexistent/old";
  }
}

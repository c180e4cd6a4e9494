package io.thingtank.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** paho-mqtt for Python (Debian python3-paho-mqtt, run by /usr/bin/python3): 3.1.1 and 5 at every QoS. */
@Timeout(90)
class PythonPahoIT {
  @TempDir static Path dir;
  static TestBroker broker;

  @BeforeAll static void start() { broker = TestBroker.dev(dir); }

  @AfterAll static void stop() { broker.close(); }

  @Test
  void pahoPythonRoundTripsWithBothVersions() throws Exception {
    Process p = new ProcessBuilder("/usr/bin/python3", "src/test/python/paho_check.py", String.valueOf(broker.port()))
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out.lines().filter(l -> l.startsWith("OK ")).count()).as(out).isEqualTo(6);
  }
}

package io.thingtank.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  @TempDir Path dir;

  @Test
  void fileOverridesDefaultsAndKeepsModuleSections() throws Exception {
    Path f = dir.resolve("thingtank.json");
    Files.writeString(f, """
        {"dataDir": "/var/lib/tt", "awsPort": 14566, "region": "eu-central-1", "dev": true,
         "wamp": {"realms": [{"name": "realm1"}]}}
        """);
    Config c = Config.fromFile(f);
    assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/tt"));
    assertThat(c.awsPort()).isEqualTo(14566);
    assertThat(c.webPort()).isEqualTo(8080);
    assertThat(c.region()).isEqualTo("eu-central-1");
    assertThat(c.dev()).isTrue();
    assertThat(c.section("wamp").path("realms").get(0).path("name").asText()).isEqualTo("realm1");
    assertThat(c.section("mqtt").isEmpty()).isTrue();
  }

  @Test
  void unknownScalarSettingIsAnError() throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, "{\"awsPrt\": 1}");
    assertThatThrownBy(() -> Config.fromFile(f)).isInstanceOf(IOException.class).hasMessageContaining("awsPrt");
  }

  @Test
  void nonObjectFileIsAnError() throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, "[1,2]");
    assertThatThrownBy(() -> Config.fromFile(f)).isInstanceOf(IOException.class).hasMessageContaining("JSON object");
  }
}

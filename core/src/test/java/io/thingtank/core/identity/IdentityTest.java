package io.thingtank.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingtank.core.Clock;
import io.thingtank.core.Ids;
import io.thingtank.core.ThingTankException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityTest {
  @TempDir Path dir;

  @Test
  void firstStartCreatesAccountAndRootKeyInAPrivateFile() throws Exception {
    Identity id = Identity.loadOrCreate(dir, null, Clock.SYSTEM, new Ids());
    assertThat(id.accountId()).matches("[1-9][0-9]{11}");
    assertThat(id.keys()).hasSize(1);
    AccessKey root = id.keys().get(0);
    assertThat(root.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
    assertThat(root.secretAccessKey()).hasSize(40);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(Identity.FILE))))
        .isEqualTo("rw-------");

    Identity again = Identity.loadOrCreate(dir, null, Clock.SYSTEM, new Ids());
    assertThat(again.accountId()).isEqualTo(id.accountId());
    assertThat(again.find(root.accessKeyId())).contains(root);
  }

  @Test
  void keysCanBeCreatedAndDeleted() {
    Identity id = Identity.loadOrCreate(dir, "123456789012", Clock.SYSTEM, new Ids());
    AccessKey k = id.create("ci");
    assertThat(Identity.loadOrCreate(dir, null, Clock.SYSTEM, new Ids()).find(k.accessKeyId())).isPresent();
    assertThat(id.delete(k.accessKeyId())).isTrue();
    assertThat(id.delete(k.accessKeyId())).isFalse();
    assertThat(Identity.loadOrCreate(dir, null, Clock.SYSTEM, new Ids()).find(k.accessKeyId())).isEmpty();
  }

  @Test
  void refusesAnotherAccountIdForAnExistingDataDir() {
    Identity.loadOrCreate(dir, "123456789012", Clock.SYSTEM, new Ids());
    assertThatThrownBy(() -> Identity.loadOrCreate(dir, "999999999999", Clock.SYSTEM, new Ids()))
        .isInstanceOf(ThingTankException.class).hasMessageContaining("belongs to account 123456789012");
  }

  @Test
  void damagedFileIsReportedNotReplaced() throws Exception {
    Files.writeString(dir.resolve(Identity.FILE), "{not json");
    assertThatThrownBy(() -> Identity.loadOrCreate(dir, null, Clock.SYSTEM, new Ids()))
        .isInstanceOf(ThingTankException.class).hasMessageContaining("damaged");
    assertThat(Files.readString(dir.resolve(Identity.FILE))).isEqualTo("{not json");
  }
}

package io.thingtank.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingtank.core.ThingTankException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksEngineTest {
  @TempDir Path dir;

  @Test
  void tablesAndBatchesSurviveReopen() {
    try (RocksEngine e = RocksEngine.open(dir, false)) {
      Table a = e.table("a");
      Table b = e.table("b");
      a.put(bytes("k1"), bytes("v1"));
      e.write(e.batch().put(a, bytes("k2"), bytes("v2")).put(b, bytes("k1"), bytes("other")).delete(a, bytes("k1")));
    }
    try (RocksEngine e = RocksEngine.open(dir, false)) {
      assertThat(e.table("a").get(bytes("k1"))).isNull();
      assertThat(new String(e.table("a").get(bytes("k2")), StandardCharsets.UTF_8)).isEqualTo("v2");
      assertThat(new String(e.table("b").get(bytes("k1")), StandardCharsets.UTF_8)).isEqualTo("other");
    }
  }

  @Test
  void scansAreOrderedAndBounded() {
    try (RocksEngine e = RocksEngine.open(dir, false)) {
      Table t = e.table("t");
      for (long i : new long[] {5, -1, 3, 100, 0}) t.put(Keys.of("q", i), bytes("v" + i));
      t.put(Keys.of("r", 1L), bytes("other prefix"));
      List<Long> seen = new ArrayList<>();
      t.scanPrefix(Keys.of("q"), (k, v) -> seen.add(Keys.readLong(k, 2)));
      assertThat(seen).containsExactly(-1L, 0L, 3L, 5L, 100L);
      assertThat(t.range(Keys.of("q", 0L), Keys.of("q", 5L), 10)).hasSize(2);
      t.deleteRange(Keys.of("q"), Keys.prefixEnd(Keys.of("q")));
      assertThat(t.range(Keys.of("q"), Keys.prefixEnd(Keys.of("q")), 10)).isEmpty();
      assertThat(t.get(Keys.of("r", 1L))).isNotNull();
    }
  }

  @Test
  void refusesADirectoryThatIsNotAStore() throws Exception {
    Files.writeString(dir.resolve("CURRENT"), "garbage\n");
    assertThatThrownBy(() -> RocksEngine.open(dir, false))
        .isInstanceOf(ThingTankException.class).hasMessageContaining("damaged");
    assertThat(Files.readString(dir.resolve("CURRENT"))).isEqualTo("garbage\n");
  }

  @Test
  void refusesASecondOpenOfTheSameDirectory() {
    try (RocksEngine e = RocksEngine.open(dir, false)) {
      assertThatThrownBy(() -> RocksEngine.open(dir, false))
          .isInstanceOf(ThingTankException.class).hasMessageContaining("in use");
    }
  }

  private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}

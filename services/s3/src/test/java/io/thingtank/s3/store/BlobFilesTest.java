package io.thingtank.s3.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Committing bodies into the fan-out directories. */
class BlobFilesTest {
  @TempDir Path root;

  private void put(BlobFiles blobs, String id, String body) throws IOException {
    Files.writeString(blobs.tempPath(id), body);
    blobs.commit(id);
  }

  @Test void commitsIntoSharedDirectoriesAndRecreatesOneRemovedByHand() throws IOException {
    BlobFiles blobs = new BlobFiles(root, false);
    put(blobs, "aa01", "one");
    put(blobs, "bb01", "two");
    assertThat(blobs.path("aa01").getParent()).isEqualTo(blobs.path("bb01").getParent());
    assertThat(Files.readString(blobs.path("bb01"))).isEqualTo("two");

    blobs.delete("aa01");
    blobs.delete("bb01");
    Files.delete(blobs.path("aa01").getParent());
    put(blobs, "cc01", "three");
    assertThat(Files.readString(blobs.path("cc01"))).isEqualTo("three");
    assertThat(Files.exists(blobs.tempPath("cc01"))).isFalse();
  }

  @Test void commitsAnInMemoryBodyStraightToItsPathAndRefusesAnExistingBlob() throws IOException {
    BlobFiles blobs = new BlobFiles(root, true);
    blobs.commit("dd01", ByteBuffer.wrap("small body".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(blobs.path("dd01"))).isEqualTo("small body");
    assertThat(Files.exists(blobs.tempPath("dd01"))).isFalse();

    // An id that is somehow taken is never overwritten: the commit fails and the old blob stays.
    assertThatThrownBy(() -> blobs.commit("dd01", ByteBuffer.wrap(new byte[] {1})))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(Files.readString(blobs.path("dd01"))).isEqualTo("small body");
  }
}

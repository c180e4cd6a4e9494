package io.thingtank.s3.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The native CRC-64/NVME against the Java one, its reference. */
class CrtCrc64NvmeTest {
  /** Around the 16-byte step of the Java loop and the native code's block sizes, then large and random. */
  private static final int[] LENGTHS = IntStream.concat(
      IntStream.of(0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257,
          4095, 4096, 4097, 8191, 8192, 8193, 65_537, (1 << 20) + 3),
      new Random(7).ints(40, 0, 20_000)).toArray();

  private final Random random = new Random(42);

  @BeforeAll static void nativeLibraryLoads() {
    // On the platforms the CRT ships for (Linux, macOS, Windows on x86-64 and ARM) a fallback is a fault here.
    assertThat(CrtCrc64Nvme.usable()).as("AWS CRT native library loaded").isTrue();
    assertThat(ChecksumAlgorithm.CRC64NVME.newHasher()).isInstanceOf(CrtCrc64Nvme.class);
  }

  @Test void checkValue() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertThat(hex(new CrtCrc64Nvme(), check, 0, check.length)).isEqualTo("ae8b14860a799888");
    assertThat(hex(new Crc64Nvme(), check, 0, check.length)).isEqualTo("ae8b14860a799888");
  }

  @Test void sameAsJavaForRandomBytesOfManyLengthsAndOffsets() {
    for (int len : LENGTHS) {
      int off = random.nextInt(16);
      byte[] data = randomBytes(off + len + random.nextInt(16));
      assertThat(hex(new CrtCrc64Nvme(), data, off, len)).as("len %d off %d", len, off)
          .isEqualTo(hex(new Crc64Nvme(), data, off, len));
    }
  }

  @Test void sameAsJavaWhateverTheSplitPoints() {
    for (int len : LENGTHS) {
      byte[] data = randomBytes(len);
      String whole = hex(new Crc64Nvme(), data, 0, len);
      for (int round = 0; round < 5; round++) {
        int[] cuts = random.ints(random.nextInt(6), 0, len + 1).sorted().toArray();
        Hasher h = new CrtCrc64Nvme();
        int from = 0;
        for (int cut : cuts) {
          h.update(data, from, cut - from);
          from = cut;
        }
        h.update(data, from, len - from);
        assertThat(HexFormat.of().formatHex(h.finish())).as("len %d cuts %s", len, Arrays.toString(cuts))
            .isEqualTo(whole);
      }
    }
  }

  @Test void heapAndDirectBuffersGiveTheArrayValue() {
    for (int len : new int[] {0, 17, 8192, 8193, 20_003, (1 << 20) + 3}) {
      byte[] data = randomBytes(len + 5);
      String expected = hex(new Crc64Nvme(), data, 5, len);
      Hasher heap = new CrtCrc64Nvme();
      ByteBuffer slice = ByteBuffer.wrap(data).position(2).slice().position(3);
      heap.update(slice);
      assertThat(slice.hasRemaining()).isFalse();
      assertThat(HexFormat.of().formatHex(heap.finish())).as("heap %d", len).isEqualTo(expected);
      Hasher direct = new CrtCrc64Nvme();
      ByteBuffer off = ByteBuffer.allocateDirect(data.length).put(data).flip().position(5);
      direct.update(off);
      assertThat(off.hasRemaining()).isFalse();
      assertThat(HexFormat.of().formatHex(direct.finish())).as("direct %d", len).isEqualTo(expected);
    }
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static String hex(Hasher h, byte[] data, int off, int len) {
    h.update(data, off, len);
    return HexFormat.of().formatHex(h.finish());
  }
}

package io.thingtank.s3.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Check values of the CRC catalogue ("123456789") and of the digests. */
class ChecksumAlgorithmTest {
  private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

  private static String hex(ChecksumAlgorithm a, byte[] data) {
    Hasher h = a.newHasher();
    h.update(data);
    return HexFormat.of().formatHex(h.finish());
  }

  @Test void checkValues() {
    assertThat(hex(ChecksumAlgorithm.CRC32, CHECK)).isEqualTo("cbf43926");
    assertThat(hex(ChecksumAlgorithm.CRC32C, CHECK)).isEqualTo("e3069283");
    assertThat(hex(ChecksumAlgorithm.CRC64NVME, CHECK)).isEqualTo("ae8b14860a799888");
    assertThat(hex(ChecksumAlgorithm.SHA1, CHECK)).isEqualTo("f7c3bc1d808e04732adf679965ccc34ca7ae3441");
  }

  @Test void crc64NvmeIsTheSameWhateverTheSplit() {
    byte[] data = new byte[1000];
    for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 7);
    String whole = hex(ChecksumAlgorithm.CRC64NVME, data);
    Hasher h = ChecksumAlgorithm.CRC64NVME.newHasher();
    h.update(data, 0, 3);
    h.update(data, 3, 500);
    h.update(data, 503, 497);
    assertThat(HexFormat.of().formatHex(h.finish())).isEqualTo(whole);
  }

  /** Bit-at-a-time CRC-64/NVME, the definition the table code must match. */
  private static String bitwiseCrc64Nvme(byte[] data, int off, int len) {
    long c = ~0L;
    for (int i = off; i < off + len; i++) {
      c ^= data[i] & 0xFFL;
      for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >>> 1) ^ 0x9A6C9329AC4BC9B5L : c >>> 1;
    }
    return String.format("%016x", ~c);
  }

  @Test void crc64NvmeMatchesTheBitwiseDefinitionAtEveryLengthAndOffset() {
    byte[] data = new byte[80];
    for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 31 + 5);
    // The Java class too: it is the fallback where the native library does not load.
    for (Supplier<Hasher> crc : List.<Supplier<Hasher>>of(ChecksumAlgorithm.CRC64NVME::newHasher, Crc64Nvme::new)) {
      for (int off = 0; off < 9; off++) {
        for (int len = 0; off + len <= data.length; len++) {
          Hasher h = crc.get();
          h.update(data, off, len);
          assertThat(HexFormat.of().formatHex(h.finish())).as("%s off %d len %d", h.getClass().getSimpleName(), off, len)
              .isEqualTo(bitwiseCrc64Nvme(data, off, len));
        }
      }
    }
  }

  @Test void byteBuffersGiveTheSameValuesAsArrays() {
    byte[] data = new byte[20_000];
    for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 13);
    ByteBuffer direct = ByteBuffer.allocateDirect(data.length).put(data).flip();
    for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
      String expected = hex(a, java.util.Arrays.copyOfRange(data, 7, data.length));
      Hasher heap = a.newHasher();
      ByteBuffer slice = ByteBuffer.wrap(data).position(3).slice().position(4);
      heap.update(slice);
      assertThat(slice.hasRemaining()).isFalse();
      assertThat(HexFormat.of().formatHex(heap.finish())).as(a + " heap").isEqualTo(expected);
      Hasher off = a.newHasher();
      off.update(direct.duplicate().position(7));
      assertThat(HexFormat.of().formatHex(off.finish())).as(a + " direct").isEqualTo(expected);
    }
  }

  @Test void bodyDigestsOfAByteBufferEqualThoseOfTheArray() {
    byte[] data = "the quick brown fox jumps over the lazy dog, twice over".getBytes(StandardCharsets.US_ASCII);
    BodyDigests fromArray = new BodyDigests(null, true);
    fromArray.update(data, 0, data.length);
    BodyDigests fromBuffer = new BodyDigests(null, true);
    ByteBuffer buf = ByteBuffer.wrap(data);
    fromBuffer.update(buf);
    assertThat(buf.hasRemaining()).isFalse();
    assertThat(fromBuffer.finish()).usingRecursiveComparison().isEqualTo(fromArray.finish());
  }
}

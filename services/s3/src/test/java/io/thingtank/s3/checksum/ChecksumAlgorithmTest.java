package io.thingtank.s3.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
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
}

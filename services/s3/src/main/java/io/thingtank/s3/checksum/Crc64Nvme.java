package io.thingtank.s3.checksum;

import java.nio.ByteBuffer;

/**
 * CRC-64/NVME (NVM Express Command Set spec, §5.2.1.3.3): reflected polynomial
 * 0x9A6C9329AC4BC9B5, initial value and final xor all ones. Check value of "123456789" is
 * 0xAE8B14860A799888. Slicing-by-8 table lookup.
 */
final class Crc64Nvme implements Hasher {
  private static final long POLY = 0x9A6C9329AC4BC9B5L;
  private static final long[][] TABLE = new long[8][256];

  static {
    for (int i = 0; i < 256; i++) {
      long c = i;
      for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >>> 1) ^ POLY : c >>> 1;
      TABLE[0][i] = c;
    }
    for (int i = 0; i < 256; i++) {
      for (int t = 1; t < 8; t++) TABLE[t][i] = (TABLE[t - 1][i] >>> 8) ^ TABLE[0][(int) (TABLE[t - 1][i] & 0xFF)];
    }
  }

  private long crc = ~0L;

  @Override
  public void update(byte[] b, int off, int len) {
    long c = crc;
    int i = off, end = off + len;
    while (end - i >= 8) {
      c ^= (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24
          | (b[i + 4] & 0xFFL) << 32 | (b[i + 5] & 0xFFL) << 40 | (b[i + 6] & 0xFFL) << 48 | (b[i + 7] & 0xFFL) << 56;
      c = TABLE[7][(int) (c & 0xFF)] ^ TABLE[6][(int) ((c >>> 8) & 0xFF)] ^ TABLE[5][(int) ((c >>> 16) & 0xFF)]
          ^ TABLE[4][(int) ((c >>> 24) & 0xFF)] ^ TABLE[3][(int) ((c >>> 32) & 0xFF)]
          ^ TABLE[2][(int) ((c >>> 40) & 0xFF)] ^ TABLE[1][(int) ((c >>> 48) & 0xFF)] ^ TABLE[0][(int) (c >>> 56)];
      i += 8;
    }
    for (; i < end; i++) c = (c >>> 8) ^ TABLE[0][(int) ((c ^ b[i]) & 0xFF)];
    crc = c;
  }

  @Override
  public byte[] finish() { return ByteBuffer.allocate(8).putLong(~crc).array(); }
}

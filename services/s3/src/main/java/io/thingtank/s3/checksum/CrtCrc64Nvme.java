package io.thingtank.s3.checksum;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.crt.CRT;
import software.amazon.awssdk.crt.checksums.CRC64NVME;

/**
 * CRC-64/NVME, S3's default checksum of every PUT body, by the AWS Common Runtime's native code
 * (carry-less multiply): about 12 times the speed of {@link Crc64Nvme}. One per body; not
 * thread-safe.
 */
final class CrtCrc64Nvme extends ArrayHasher {
  private static final Logger LOG = LoggerFactory.getLogger(CrtCrc64Nvme.class);
  private static final long CHECK_VALUE = 0xAE8B14860A799888L;
  /** Decided when the first CRC64NVME body starts (this class is initialised then); loading takes ~190 ms, once. */
  private static final boolean USABLE = loadNative();

  private final CRC64NVME crc = new CRC64NVME();

  /** Whether the native library loaded (extracted from the jar to a temp directory) and computes the check value. */
  static boolean usable() { return USABLE; }

  @Override
  public void update(byte[] b, int off, int len) { crc.update(b, off, len); }

  @Override
  public byte[] finish() { return ByteBuffer.allocate(8).putLong(crc.getValue()).array(); }

  private static boolean loadNative() {
    try {
      // CRC64NVME's own initialiser swallows a failed load; its first update would then throw.
      CRT.checkLoaded();
      CRC64NVME probe = new CRC64NVME();
      probe.update("123456789".getBytes(StandardCharsets.US_ASCII));
      if (probe.getValue() == CHECK_VALUE) return true;
      LOG.warn("CRC64NVME: the AWS CRT gives {} for \"123456789\", not {}; using the Java implementation (~2 GB/s)",
          Long.toHexString(probe.getValue()), Long.toHexString(CHECK_VALUE));
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("CRC64NVME: the AWS CRT native library did not load ({}{}); using the Java implementation (~2 GB/s)",
          e, e.getCause() == null ? "" : ", caused by " + e.getCause());
    }
    return false;
  }
}

package io.thingtank.sqs.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MD5 digests SQS returns and SDKs verify (SQS Developer Guide, "Calculating the MD5 message
 * digest for message attributes"): of the UTF-8 body, and of the attributes sorted by name, each
 * encoded as length-prefixed name, length-prefixed data type, a transport byte (1 string,
 * 2 binary) and the length-prefixed value. Lengths are 4-byte big-endian. Stateless.
 */
public final class MessageDigests {
  private MessageDigests() {}

  public static String ofBody(String body) {
    return hex(md5().digest(body.getBytes(StandardCharsets.UTF_8)));
  }

  /** Null when there are no attributes (SQS then omits the digest). */
  public static String ofAttributes(Map<String, MessageAttribute> attributes) {
    if (attributes == null || attributes.isEmpty()) return null;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, MessageAttribute> e : new TreeMap<>(attributes).entrySet()) {
      MessageAttribute a = e.getValue();
      field(out, e.getKey().getBytes(StandardCharsets.UTF_8));
      field(out, a.dataType().getBytes(StandardCharsets.UTF_8));
      if (a.binary()) {
        out.write(2);
        field(out, a.binaryValue());
      } else {
        out.write(1);
        field(out, a.stringValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    return hex(md5().digest(out.toByteArray()));
  }

  private static void field(ByteArrayOutputStream out, byte[] bytes) {
    int n = bytes.length;
    out.write(n >>> 24);
    out.write(n >>> 16);
    out.write(n >>> 8);
    out.write(n);
    out.write(bytes, 0, n);
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has MD5", e);
    }
  }

  private static String hex(byte[] digest) { return HexFormat.of().formatHex(digest); }
}

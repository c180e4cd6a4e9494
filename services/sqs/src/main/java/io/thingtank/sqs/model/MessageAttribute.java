package io.thingtank.sqs.model;

import java.util.Arrays;

/**
 * One message attribute (or the AWSTraceHeader system attribute): a data type ({@code String},
 * {@code Number}, {@code Binary}, optionally with a custom suffix such as {@code Number.float})
 * and a string or binary value.
 */
public record MessageAttribute(String dataType, String stringValue, byte[] binaryValue) {

  public boolean binary() { return dataType.startsWith("Binary"); }

  /** Bytes the attribute counts towards the message size limit: name, type and value. */
  public int size(String name) {
    int value = binary() ? binaryValue.length : stringValue.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    return name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + dataType.length() + value;
  }

  @Override public boolean equals(Object o) {
    return o instanceof MessageAttribute a && dataType.equals(a.dataType)
        && java.util.Objects.equals(stringValue, a.stringValue) && Arrays.equals(binaryValue, a.binaryValue);
  }

  @Override public int hashCode() { return dataType.hashCode() * 31 + Arrays.hashCode(binaryValue); }
}

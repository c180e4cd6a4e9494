package io.thingtank.s3.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** JSON encoding of stored records; unknown fields are ignored so older rows stay readable. Thread-safe. */
final class StoreJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private StoreJson() {}

  static byte[] encode(Object o) {
    try {
      return JSON.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T decode(byte[] v, Class<T> type) {
    try {
      return JSON.readValue(v, type);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt " + type.getSimpleName() + ": "
          + new String(v, StandardCharsets.UTF_8), e);
    }
  }

  static <T> Optional<T> read(byte[] v, Class<T> type) {
    return v == null ? Optional.empty() : Optional.of(decode(v, type));
  }
}

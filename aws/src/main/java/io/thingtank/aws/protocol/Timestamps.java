package io.thingtank.aws.protocol;

import io.thingtank.aws.AwsErrors;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;

/**
 * Timestamp formats of the AWS protocols (Smithy {@code @timestampFormat}: date-time, http-date,
 * epoch-seconds; plus the SDK's epoch-millis used by Kinesis CBOR). Pure functions.
 */
final class Timestamps {
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Timestamps() {}

  /** The field's own format if it has a {@code @timestampFormat} trait, else the location default. */
  static Format formatOf(SdkField<?> field, Format locationDefault) {
    TimestampFormatTrait t = field.getTrait(TimestampFormatTrait.class);
    return t != null ? t.format() : locationDefault;
  }

  static String format(Instant t, Format format) {
    return switch (format) {
      case ISO_8601 -> DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
      case RFC_822 -> DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atZone(ZoneOffset.UTC));
      case UNIX_TIMESTAMP -> epochSeconds(t).toPlainString();
      case UNIX_TIMESTAMP_MILLIS -> Long.toString(t.toEpochMilli());
    };
  }

  /** Epoch seconds with millisecond precision, as JSON and rpc-v2-cbor carry them. */
  static BigDecimal epochSeconds(Instant t) {
    return BigDecimal.valueOf(t.toEpochMilli()).divide(THOUSAND).stripTrailingZeros();
  }

  static Instant fromEpochSeconds(BigDecimal seconds) {
    try {
      return Instant.ofEpochMilli(seconds.multiply(THOUSAND).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    } catch (ArithmeticException | DateTimeException e) {
      throw AwsErrors.serialization("timestamp out of range: " + seconds);
    }
  }

  static Instant fromEpochMillis(long millis) {
    try {
      return Instant.ofEpochMilli(millis);
    } catch (DateTimeException e) {
      throw AwsErrors.serialization("timestamp out of range: " + millis);
    }
  }

  /** Parses text in the given format; ISO 8601 with or without offset and fraction. */
  static Instant parse(String text, Format format) {
    try {
      return switch (format) {
        case ISO_8601 -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        case RFC_822 -> ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        case UNIX_TIMESTAMP -> fromEpochSeconds(new BigDecimal(text));
        case UNIX_TIMESTAMP_MILLIS -> fromEpochMillis(Long.parseLong(text));
      };
    } catch (DateTimeException | NumberFormatException e) {
      throw AwsErrors.serialization("Invalid timestamp '" + text + "' (expected " + format + ")");
    }
  }
}

package io.thingtank.s3.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** RFC 7231 dates for headers and ISO 8601 with milliseconds for XML, as S3 writes them. */
public final class HttpDates {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  /** The last second formatted by {@link #http}: most responses in a second share it. */
  private static volatile FormattedSecond lastHttp = new FormattedSecond(Long.MIN_VALUE, "");

  private HttpDates() {}

  public static String http(long millis) {
    long second = Math.floorDiv(millis, 1000L);
    FormattedSecond last = lastHttp;
    if (last.second() == second) return last.text();
    String text = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(
        Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
    lastHttp = new FormattedSecond(second, text);
    return text;
  }

  private record FormattedSecond(long second, String text) {}

  public static String iso(long millis) { return ISO.format(Instant.ofEpochMilli(millis)); }

  /** Parses an HTTP date; null if absent or unparseable (S3 then ignores the condition). */
  public static Long parse(String value) {
    if (value == null) return null;
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

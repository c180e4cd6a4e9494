package io.thingtank.s3.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 7231 and ISO dates as S3 writes them. */
class HttpDatesTest {
  @Test void formatsEachSecondOnItsOwnEvenWhenRepeated() {
    assertThat(HttpDates.http(784_111_777_000L)).isEqualTo("Sun, 6 Nov 1994 08:49:37 GMT");
    assertThat(HttpDates.http(784_111_777_999L)).isEqualTo("Sun, 6 Nov 1994 08:49:37 GMT");
    assertThat(HttpDates.http(784_111_778_000L)).isEqualTo("Sun, 6 Nov 1994 08:49:38 GMT");
    assertThat(HttpDates.http(0L)).isEqualTo("Thu, 1 Jan 1970 00:00:00 GMT");
    assertThat(HttpDates.parse("Sun, 6 Nov 1994 08:49:37 GMT")).isEqualTo(784_111_777_000L);
    assertThat(HttpDates.iso(784_111_777_123L)).isEqualTo("1994-11-06T08:49:37.123Z");
  }
}

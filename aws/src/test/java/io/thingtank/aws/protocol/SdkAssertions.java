package io.thingtank.aws.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import software.amazon.awssdk.core.SdkPojo;

/** Field-by-field equality of SDK model objects (responses' equals() also compares HTTP metadata). */
final class SdkAssertions {
  private SdkAssertions() {}

  static void assertSameFields(Object actual, SdkPojo expected) {
    assertThat(expected.equalsBySdkFields(actual))
        .as("expected %s%n but was %s", expected, actual)
        .isTrue();
  }
}

package io.thingtank.mqtt.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {
  @Test
  void matchingFollowsSection4_7() {
    assertThat(Topics.matches("sport/tennis/player1/#", "sport/tennis/player1")).isTrue();
    assertThat(Topics.matches("sport/tennis/player1/#", "sport/tennis/player1/ranking")).isTrue();
    assertThat(Topics.matches("sport/+", "sport")).isFalse();
    assertThat(Topics.matches("sport/+", "sport/")).isTrue();
    assertThat(Topics.matches("+/+", "/finance")).isTrue();
    assertThat(Topics.matches("#", "$SYS/x")).isFalse();
    assertThat(Topics.matches("+/monitor/Clients", "$SYS/monitor/Clients")).isFalse();
    assertThat(Topics.matches("$SYS/#", "$SYS/monitor/Clients")).isTrue();
  }

  @Test
  void filterValidation() {
    assertThat(Topics.validFilter("sport/tennis#")).isFalse();
    assertThat(Topics.validFilter("sport/#/ranking")).isFalse();
    assertThat(Topics.validFilter("sport+")).isFalse();
    assertThat(Topics.validFilter("+/tennis/#")).isTrue();
    assertThat(Topics.validName("a/+/b")).isFalse();
    assertThat(Topics.validName("")).isFalse();
  }

  @Test
  void sharedSubscriptionSyntax() {
    assertThat(Topics.parse("$share/g/a/#")).isEqualTo(new Topics.SharedFilter("g", "a/#"));
    assertThat(Topics.parse("$share//a")).isNull();
    assertThat(Topics.parse("$share/g")).isNull();
    assertThat(Topics.parse("a/b")).isEqualTo(new Topics.SharedFilter(null, "a/b"));
  }

  @Test
  void coverageForAcls() {
    assertThat(Topics.covers("sensors/+/temp", "sensors/a/temp")).isTrue();
    assertThat(Topics.covers("sensors/+/temp", "sensors/+/temp")).isTrue();
    assertThat(Topics.covers("sensors/+/temp", "sensors/#")).isFalse();
    assertThat(Topics.covers("sensors/#", "sensors/+/x")).isTrue();
    assertThat(Topics.covers("a/b", "a/+")).isFalse();
  }
}

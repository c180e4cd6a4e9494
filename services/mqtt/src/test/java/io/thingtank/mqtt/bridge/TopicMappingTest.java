package io.thingtank.mqtt.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicMappingTest {
  @Test
  void levelsBecomeUriComponentsWithEscapes() {
    assertThat(TopicMapping.toWamp("mqtt", "a/b/c")).isEqualTo("mqtt.a.b.c");
    assertThat(TopicMapping.toWamp("mqtt", "home/living room/t.c#1%")).isEqualTo("mqtt.home.living%20room.t%2Ec%231%25");
    assertThat(TopicMapping.toWamp("mqtt", "/a//")).isEqualTo("mqtt.%00.a.%00.%00");
  }

  @Test
  void roundTripsIncludingNonAscii() {
    for (String t : new String[] {"a/b/c", "/a//", "x.y/z z", "grüße/温度", "100%/#x", "a\u3000b"}) {
      assertThat(TopicMapping.toMqtt("mqtt", TopicMapping.toWamp("mqtt", t))).isEqualTo(t);
    }
  }

  @Test
  void rejectsOtherPrefixesAndBadEscapes() {
    assertThat(TopicMapping.toMqtt("mqtt", "mqttx.a")).isNull();
    assertThat(TopicMapping.toMqtt("mqtt", "mqtt.a%2")).isNull();
    assertThat(TopicMapping.toMqtt("mqtt", "mqtt.a..b")).isNull();
  }
}

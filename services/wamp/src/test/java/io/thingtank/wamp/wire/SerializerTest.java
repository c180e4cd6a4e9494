package io.thingtank.wamp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SerializerTest {
  @Test
  void everySerializerRoundTripsAMessageWithBinary() {
    List<Object> msg = List.of(36L, 5L, 6L, Map.of(), List.of(1L, "two", new byte[] {0, 1, (byte) 0xFF}), Map.of("k", true));
    for (Serializer s : Serializer.values()) {
      List<Object> back = s.decode(s.encode(msg));
      assertThat(back.subList(0, 3)).containsExactly(36L, 5L, 6L);
      assertThat((byte[]) ((List<?>) back.get(4)).get(2)).containsExactly(0, 1, 0xFF);
    }
  }

  @Test
  void jsonBinaryIsNulPlusBase64() {
    String json = new String(Serializer.JSON.encode(List.of(new byte[] {1, 2})), StandardCharsets.UTF_8);
    assertThat(json).isEqualTo("[\"\\u0000AQI=\"]");
  }

  @Test
  void batchedFramesSplitIntoMessages() {
    byte[] a = Encoding.ofSubProtocol("wamp.2.msgpack.batched").encode(List.of(1L));
    byte[] b = Encoding.ofSubProtocol("wamp.2.msgpack.batched").encode(List.of(2L));
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    List<byte[]> parts = Batching.split(Serializer.MSGPACK, both);
    assertThat(parts).hasSize(2);
    assertThat(Serializer.MSGPACK.decode(parts.get(1))).containsExactly(2L);
    assertThat(Batching.split(Serializer.JSON, "[1]\u0018[2]\u0018".getBytes())).hasSize(2);
  }

  @Test
  void nonArraysAndGarbageAreMalformed() {
    assertThatThrownBy(() -> Serializer.JSON.decode("{}".getBytes())).isInstanceOf(MalformedMessageException.class);
    assertThatThrownBy(() -> Serializer.CBOR.decode(new byte[] {(byte) 0xFF})).isInstanceOf(MalformedMessageException.class);
  }
}

package io.thingtank.wamp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON payload passthrough: payload bytes kept on read, spliced on write, decoded for anyone else. */
class JsonPassthroughTest {
  private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

  @Test
  void aCallsPayloadIsKeptAsBytesAndSplicedIntoTheInvocation() {
    String args = "[ \"x\", 1.5, {\"deep\": [true, null]} ]";
    String kwargs = "{\"k\" : \"\u00e9\"}";
    List<Object> call = Serializer.JSON.decode(utf8("[48, 7, {\"receive_progress\": true}, \"com.proc\", " + args + ", " + kwargs + "]"));
    assertThat(call.subList(0, 4)).containsExactly(48L, 7L, Map.of("receive_progress", true), "com.proc");
    assertThat(call.get(4)).isInstanceOf(RawJsonList.class);
    assertThat(call.get(5)).isInstanceOf(RawJsonMap.class);
    // the invocation carries the caller's bytes unchanged
    List<Object> invocation = new ArrayList<>(List.of(68L, 1L, 99L, Map.of()));
    invocation.add(call.get(4));
    invocation.add(call.get(5));
    assertThat(new String(Serializer.JSON.encode(invocation), StandardCharsets.UTF_8))
        .isEqualTo("[68,1,99,{}," + args + "," + kwargs + "]");
    // other serializers and readers see the decoded values
    assertThat(call.get(4)).isEqualTo(List.of("x", 1.5, Map.of("deep", java.util.Arrays.asList(true, null))));
    assertThat(Serializer.MSGPACK.decode(Serializer.MSGPACK.encode(invocation)).get(5)).isEqualTo(Map.of("k", "\u00e9"));
  }

  @Test
  void emptyPayloadsAreSeenAsEmptyWithoutDecodingAndOtherMessagesAreDecodedWhole() {
    List<Object> publish = Serializer.JSON.decode(utf8("[16, 1, {}, \"t\", [ ], { }]"));
    assertThat((List<?>) publish.get(4)).isEmpty();
    assertThat((Map<?, ?>) publish.get(5)).isEmpty();
    List<Object> yield = Serializer.JSON.decode(utf8("[70, 3, {}, null, {\"a\": 1}]"));
    assertThat(yield.get(3)).isNull();
    assertThat(yield.get(4)).isInstanceOf(RawJsonMap.class).isEqualTo(Map.of("a", 1L));
    List<Object> subscribe = Serializer.JSON.decode(utf8("[32, 1, {\"match\": \"prefix\"}, \"com.\"]"));
    assertThat(subscribe).containsExactly(32L, 1L, Map.of("match", "prefix"), "com.");
    assertThat(Serializer.JSON.decode(utf8("[8, 68, 5, {}, \"com.err\", [1]]")).get(5)).isInstanceOf(RawJsonList.class);
  }

  @Test
  void binaryPayloadIsDecodedAtOnceAndBadInputIsStillMalformed() {
    List<Object> publish = Serializer.JSON.decode(utf8("[16, 1, {}, \"t\", [\"\\u0000AQI=\"]]"));
    assertThat(publish.get(4)).isNotInstanceOf(RawJson.class);
    assertThat((byte[]) ((List<?>) publish.get(4)).get(0)).containsExactly(1, 2);
    assertThatThrownBy(() -> Serializer.JSON.decode(utf8("[16, 1, {}, \"t\", [1, 2}]")))
        .isInstanceOf(MalformedMessageException.class);
    assertThatThrownBy(() -> Serializer.JSON.decode(utf8("[48, 1, {}, \"t\", [\"open")))
        .isInstanceOf(MalformedMessageException.class);
    assertThatThrownBy(() -> Serializer.JSON.decode(utf8("{\"not\": \"an array\"}")))
        .isInstanceOf(MalformedMessageException.class);
  }

  @Test
  void payloadsInsideABatchPointIntoTheirOwnMessage() {
    byte[] frame = utf8("[16,1,{},\"a\",[1]]\u0018[16,2,{},\"b\",[2],{\"z\":0}]\u0018");
    List<byte[]> parts = Batching.split(Serializer.JSON, frame);
    assertThat(Serializer.JSON.decode(parts.get(1)).get(5)).isEqualTo(Map.of("z", 0L));
    assertThat(Serializer.JSON.decode(parts.get(0)).get(4)).isEqualTo(List.of(1L));
  }
}

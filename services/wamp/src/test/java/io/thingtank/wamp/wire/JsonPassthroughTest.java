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

  @Test
  void headersAreWrittenAsJacksonWritesThemAndReadBackEqual() throws Exception {
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("caller", 12345678901L);
    details.put("authid", "q\"uo\\te\n\u0001\u00e9\u20ac");
    details.put("progress", true);
    details.put("nothing", null);
    details.put("nested", List.of(Map.of("x", -1L), "y", 2.5));
    details.put("binary", new byte[] {1, 2, 3});
    details.put("integers", List.of(0L, 9L, 10L, -7L, 999999999999999999L, 1000000000000000000L,
        Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE, 42));
    details.put("a\u00e9\ud83d\ude00b", "x\ud83d\ude00");
    List<Object> message = java.util.Arrays.asList(50L, 9007199254740991L, details, "com.\u00e9t\u00e9", null, false);
    byte[] ours = Serializer.JSON.encode(message);
    com.fasterxml.jackson.databind.ObjectMapper jackson = new com.fasterxml.jackson.databind.ObjectMapper();
    details.put("binary", "\u0000" + java.util.Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));
    assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(jackson.writeValueAsString(message));
    List<Object> back = Serializer.JSON.decode(ours);
    assertThat(back.get(0)).isEqualTo(50L);
    assertThat(back.get(1)).isEqualTo(9007199254740991L);
    assertThat(back.get(3)).isEqualTo("com.\u00e9t\u00e9");
    @SuppressWarnings("unchecked") Map<String, Object> d = (Map<String, Object>) back.get(2);
    assertThat(d.get("authid")).isEqualTo("q\"uo\\te\n\u0001\u00e9\u20ac");
    assertThat(d.get("binary")).isEqualTo(new byte[] {1, 2, 3});
    assertThat(Serializer.JSON.decode(utf8("[2, 1, {}]")).get(2)).isEqualTo(Map.of());
    assertThat(Serializer.JSON.decode(utf8("[1, \"realm1\", {\"roles\": {\"caller\": {}}}]")).get(2))
        .isEqualTo(Map.of("roles", Map.of("caller", Map.of())));
  }
}

package io.thingtank.devices.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SocketPacketTest {
  @Test
  void decodesEventsWithAckIdAndNamespace() {
    SocketPacket p = SocketPacket.decode("2/admin,13[\"whoami\",{}]");
    assertThat(p.type()).isEqualTo(SocketPacket.Type.EVENT);
    assertThat(p.namespace()).isEqualTo("/admin");
    assertThat(p.ackId()).isEqualTo(13);
    assertThat(p.data().get(0).asText()).isEqualTo("whoami");
  }

  @Test
  void roundTripsConnectAndAck() {
    assertThat(SocketPacket.decode("0").type()).isEqualTo(SocketPacket.Type.CONNECT);
    assertThat(SocketPacket.decode("0{\"token\":\"t\"}").data().get("token").asText()).isEqualTo("t");
    SocketPacket ack = SocketPacket.decode("37[{\"ok\":true}]");
    assertThat(ack.ackId()).isEqualTo(7);
    assertThat(ack.encode()).isEqualTo("37[{\"ok\":true}]");
  }

  @Test
  void rejectsMalformedPackets() {
    assertThatThrownBy(() -> SocketPacket.decode("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SocketPacket.decode("9")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SocketPacket.decode("2[\"x\",{")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SocketPacket.decode("2{\"not\":\"array\"}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SocketPacket.decode("2[1,2]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SocketPacket.decode("51-[\"x\",{\"_placeholder\":true,\"num\":0}]"))
        .hasMessageContaining("binary");
  }

  @Test
  void enginePackets() {
    assertThat(EnginePacket.decode("4hello").data()).isEqualTo("hello");
    assertThat(EnginePacket.decode("2").type()).isEqualTo(EnginePacket.Type.PING);
    assertThat(EnginePacket.decode("bAAE=").binary()).isTrue();
    assertThat(EnginePacket.of(EnginePacket.Type.PONG, "probe").encode()).isEqualTo("3probe");
    assertThatThrownBy(() -> EnginePacket.decode("x")).isInstanceOf(IllegalArgumentException.class);
  }
}

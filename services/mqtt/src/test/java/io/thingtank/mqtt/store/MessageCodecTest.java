package io.thingtank.mqtt.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingtank.mqtt.broker.Message;
import io.thingtank.mqtt.broker.Message.MessageProperties;
import io.thingtank.mqtt.broker.Message.UserProperty;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
  @Test
  void roundTripsEveryField() {
    Message m = new Message("a/b", new byte[] {1, 2}, 2, true, 123456L, "client",
        new MessageProperties(1, "text/plain", "r/t", new byte[] {9}, List.of(new UserProperty("k", "v"))));
    Message back = MessageCodec.decode(MessageCodec.encode(m));
    assertThat(back).usingRecursiveComparison().isEqualTo(m);
    Message bare = new Message("t", new byte[0], 0, false, 0, "", MessageProperties.NONE);
    assertThat(MessageCodec.decode(MessageCodec.encode(bare))).usingRecursiveComparison().isEqualTo(bare);
  }
}

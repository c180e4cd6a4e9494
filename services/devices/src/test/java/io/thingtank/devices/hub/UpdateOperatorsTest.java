package io.thingtank.devices.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class UpdateOperatorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode apply(String device, String update) throws Exception {
    ObjectNode d = (ObjectNode) JSON.readTree(device);
    ObjectNode u = (ObjectNode) JSON.readTree(update);
    UpdateOperators.validate(u);
    UpdateOperators.apply(d, u);
    return d;
  }

  @Test
  void operatorsAndDottedPaths() throws Exception {
    ObjectNode d = apply("{\"uuid\":\"u\",\"n\":1,\"tags\":[\"a\"],\"old\":true}",
        "{\"$set\":{\"meshblu.whitelists.discover.view\":[{\"uuid\":\"*\"}]},\"$inc\":{\"n\":2},"
            + "\"$addToSet\":{\"tags\":\"a\"},\"$push\":{\"log\":1},\"$unset\":{\"old\":\"\"}}");
    assertThat(d.at("/meshblu/whitelists/discover/view/0/uuid").asText()).isEqualTo("*");
    assertThat(d.get("n").asLong()).isEqualTo(3);
    assertThat(d.get("tags")).hasSize(1);
    assertThat(d.get("log").get(0).asInt()).isEqualTo(1);
    assertThat(d.has("old")).isFalse();
    assertThat(apply("{\"tags\":[1,2,1]}", "{\"$pull\":{\"tags\":1}}").get("tags")).hasSize(1);
  }

  @Test
  void uuidAndTokenCannotChangeAndUnknownOperatorsFail() throws Exception {
    ObjectNode d = apply("{\"uuid\":\"u\"}", "{\"uuid\":\"other\",\"token\":\"t\",\"name\":\"n\"}");
    assertThat(d.get("uuid").asText()).isEqualTo("u");
    assertThat(d.has("token")).isFalse();
    assertThat(d.get("name").asText()).isEqualTo("n");
    assertThatThrownBy(() -> apply("{}", "{\"$rename\":{\"a\":\"b\"}}")).isInstanceOf(HubException.class);
  }
}

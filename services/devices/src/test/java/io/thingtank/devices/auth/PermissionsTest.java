package io.thingtank.devices.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PermissionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode dev(String json) throws Exception { return (ObjectNode) JSON.readTree(json); }

  @Test
  void selfAndOwnerMayDoEverything() throws Exception {
    ObjectNode a = dev("{\"uuid\":\"a\"}");
    ObjectNode owned = dev("{\"uuid\":\"x\",\"owner\":\"a\",\"sendWhitelist\":[],\"discoverWhitelist\":[]}");
    assertThat(Permissions.canConfigure(a, a)).isTrue();
    assertThat(Permissions.canConfigure(a, owned)).isTrue();
    assertThat(Permissions.canSend(a, owned)).isTrue();
    assertThat(Permissions.canDiscover(a, owned)).isTrue();
    assertThat(Permissions.canReceiveAs(a, owned)).isTrue();
  }

  @Test
  void defaultsAreOpenForDiscoverSendReceiveAndClosedForConfigure() throws Exception {
    ObjectNode a = dev("{\"uuid\":\"a\"}"), b = dev("{\"uuid\":\"b\"}");
    assertThat(Permissions.canDiscover(a, b)).isTrue();
    assertThat(Permissions.canSend(a, b)).isTrue();
    assertThat(Permissions.canReceive(a, b)).isTrue();
    assertThat(Permissions.canReceiveAs(a, b)).isFalse();
    assertThat(Permissions.canConfigure(a, b)).isFalse();
  }

  @Test
  void listEdges() throws Exception {
    ObjectNode a = dev("{\"uuid\":\"a\"}");
    assertThat(Permissions.canSend(a, dev("{\"uuid\":\"b\",\"sendWhitelist\":[\"*\"]}"))).isTrue();
    assertThat(Permissions.canSend(a, dev("{\"uuid\":\"b\",\"sendWhitelist\":[]}"))).isFalse();
    assertThat(Permissions.canSend(a, dev("{\"uuid\":\"b\",\"sendBlacklist\":[\"a\"]}"))).isFalse();
    assertThat(Permissions.canSend(a, dev("{\"uuid\":\"b\",\"sendWhitelist\":[\"a\"],\"sendBlacklist\":[\"a\"]}")))
        .as("a present whitelist decides").isTrue();
    assertThat(Permissions.canDiscover(a, dev("{\"uuid\":\"b\",\"viewWhitelist\":[]}"))).as("2014: empty = unset").isTrue();
    assertThat(Permissions.canDiscover(a, dev("{\"uuid\":\"b\",\"viewBlacklist\":[\"a\"]}"))).isFalse();
    assertThat(Permissions.canReceive(a, dev("{\"uuid\":\"b\",\"readWhitelist\":[\"c\"]}"))).isFalse();
    assertThat(Permissions.canReceiveAs(a, dev("{\"uuid\":\"b\",\"receiveAsWhitelist\":[\"a\"]}"))).isTrue();
    assertThat(Permissions.canConfigure(a, dev("{\"uuid\":\"b\",\"configureWhitelist\":[\"a\"]}"))).isTrue();
  }

  @Test
  void meshbluV2WhitelistsReplaceTheOldLists() throws Exception {
    ObjectNode a = dev("{\"uuid\":\"a\"}"), c = dev("{\"uuid\":\"c\"}");
    ObjectNode v2 = dev("{\"uuid\":\"b\",\"sendWhitelist\":[\"c\"],\"meshblu\":{\"version\":\"2.0.0\",\"whitelists\":"
        + "{\"message\":{\"from\":[{\"uuid\":\"a\"}]},\"broadcast\":{\"sent\":[{\"uuid\":\"*\"}]}}}}");
    assertThat(Permissions.canSend(a, v2)).isTrue();
    assertThat(Permissions.canSend(c, v2)).isFalse();
    assertThat(Permissions.canReceive(c, v2)).isTrue();
    assertThat(Permissions.canDiscover(a, v2)).as("no discover.view list: closed").isFalse();
  }

  @Test
  void asListsAreClosedByDefaultAndBlacklistsDeny() throws Exception {
    ObjectNode b = dev("{\"uuid\":\"b\"}"), c = dev("{\"uuid\":\"c\"}"), owner = dev("{\"uuid\":\"o\"}");
    ObjectNode plain = dev("{\"uuid\":\"a\",\"owner\":\"o\"}");
    assertThat(Permissions.canSendAs(b, plain)).isFalse();
    assertThat(Permissions.canDiscoverAs(b, plain)).isFalse();
    assertThat(Permissions.canConfigureAs(b, plain)).isFalse();
    assertThat(Permissions.canSendAs(owner, plain)).as("the owner may act as its device").isTrue();
    ObjectNode a = dev("{\"uuid\":\"a\",\"sendAsWhitelist\":[\"b\"],\"discoverAsWhitelist\":[\"*\"],"
        + "\"discoverAsBlacklist\":[\"c\"],\"configureAsWhitelist\":[\"b\"],\"configureAsBlacklist\":[\"b\"],"
        + "\"receiveAsWhitelist\":[\"*\"],\"receiveAsBlacklist\":[\"c\"]}");
    assertThat(Permissions.canSendAs(b, a)).isTrue();
    assertThat(Permissions.canSendAs(c, a)).isFalse();
    assertThat(Permissions.canDiscoverAs(b, a)).as("\"*\" admits everyone").isTrue();
    assertThat(Permissions.canDiscoverAs(c, a)).as("but a blacklisted uuid").isFalse();
    assertThat(Permissions.canConfigureAs(b, a)).as("the blacklist wins over the whitelist").isFalse();
    assertThat(Permissions.canReceiveAs(b, a)).isTrue();
    assertThat(Permissions.canReceiveAs(c, a)).isFalse();
    ObjectNode v2 = dev("{\"uuid\":\"a\",\"sendAsWhitelist\":[\"c\"],\"meshblu\":{\"version\":\"2.0.0\","
        + "\"whitelists\":{\"message\":{\"as\":[{\"uuid\":\"b\"}]}}}}");
    assertThat(Permissions.canSendAs(b, v2)).isTrue();
    assertThat(Permissions.canSendAs(c, v2)).as("v2 ignores the 2015 lists").isFalse();
  }

  @Test
  void claimingNeedsTheSameNetworkAndNoOwner() throws Exception {
    ObjectNode a = dev("{\"uuid\":\"a\",\"ipAddress\":\"10.0.0.5\"}");
    assertThat(Permissions.canClaim(a, dev("{\"uuid\":\"b\",\"ipAddress\":\"10.0.0.5\"}"))).isTrue();
    assertThat(Permissions.canClaim(a, dev("{\"uuid\":\"b\",\"ipAddress\":\"10.0.0.6\"}"))).isFalse();
    assertThat(Permissions.canClaim(a, dev("{\"uuid\":\"b\",\"ipAddress\":\"10.0.0.5\",\"owner\":\"z\"}"))).isFalse();
  }
}

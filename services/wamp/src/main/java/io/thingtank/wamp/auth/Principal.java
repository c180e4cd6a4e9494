package io.thingtank.wamp.auth;

import java.util.List;

/**
 * A static principal from the config: its role and its credential for one method (a ticket, a
 * WAMP-CRA secret with optional salt, or Ed25519 public keys). {@code realm} null = any realm.
 */
public record Principal(String authid, String role, String realm, String secret, String salt,
    int iterations, int keylen, List<String> authorizedKeys) {

  public boolean inRealm(String r) { return realm == null || realm.equals(r); }
}

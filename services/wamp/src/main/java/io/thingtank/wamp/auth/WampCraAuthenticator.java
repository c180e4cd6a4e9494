package io.thingtank.wamp.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingtank.core.Clock;
import io.thingtank.core.Ids;
import io.thingtank.wamp.message.WampUris;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * WAMP-CRA (WAMP §14.5.2): the challenge is a JSON string; the answer is Base64 HMAC-SHA256 of
 * it under the principal's secret. With a salt (Crossbar's salted secrets) the key is the
 * PBKDF2-derived key: configured directly as {@code secret}, or derived here from {@code password}.
 */
public final class WampCraAuthenticator implements Authenticator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, Principal> users;
  private final Ids ids;
  private final Clock clock;

  public WampCraAuthenticator(Map<String, Principal> users, Ids ids, Clock clock) {
    this.users = users;
    this.ids = ids;
    this.clock = clock;
  }

  @Override public String method() { return "wampcra"; }

  @Override
  public Future<AuthStep> start(String realm, String authid, Map<String, Object> details, long sessionId) {
    Principal p = authid == null ? null : users.get(authid);
    if (p == null || !p.inRealm(realm)) {
      return Future.succeededFuture(new AuthStep.Reject(WampUris.NO_SUCH_PRINCIPAL, "no principal '" + authid + "'"));
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("authid", authid);
    c.put("authrole", p.role());
    c.put("authmethod", "wampcra");
    c.put("authprovider", "static");
    c.put("nonce", ids.alphanumeric(16));
    c.put("timestamp", Instant.ofEpochMilli(clock.millis()).toString());
    c.put("session", sessionId);
    String challenge;
    try {
      challenge = JSON.writeValueAsString(c);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Object> extra = new HashMap<>();
    extra.put("challenge", challenge);
    if (p.salt() != null) {
      extra.put("salt", p.salt());
      extra.put("iterations", p.iterations());
      extra.put("keylen", p.keylen());
    }
    String expected = Secrets.hmacSha256Base64(p.secret().getBytes(StandardCharsets.UTF_8), challenge);
    return Future.succeededFuture(new AuthStep.Challenge("wampcra", extra, auth ->
        Future.succeededFuture(Secrets.constantTimeEquals(auth.signature(), expected)
            ? new AuthStep.Accept(new AuthResult(authid, p.role(), "wampcra", "static", Map.of()))
            : new AuthStep.Reject(WampUris.AUTHENTICATION_FAILED, "invalid signature"))));
  }
}

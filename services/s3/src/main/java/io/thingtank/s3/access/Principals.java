package io.thingtank.s3.access;

import io.thingtank.aws.auth.SigV4Result;
import io.thingtank.aws.auth.SigV4Verifier;
import io.thingtank.core.identity.AccessKey;
import io.thingtank.s3.model.Acl;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Maps access keys to canonical users: the id is a stable 64-hex-digit hash of the access key id
 * (as S3 owners have always been shown here), the display name the key's description.
 * Thread-safe.
 */
public final class Principals {
  private final Supplier<List<AccessKey>> keys;
  /** Canonical user id per access key id (a pure function of it; only verified keys get here, so few entries). */
  private final Map<String, String> canonicalIds = new ConcurrentHashMap<>();

  public Principals(Supplier<List<AccessKey>> keys) { this.keys = keys; }

  public Principal of(SigV4Result auth) {
    if (auth == null || auth.anonymous()) return Principal.ANONYMOUS;
    return ofAccessKey(auth.accessKeyId());
  }

  /** The canonical user of a verified access key (e.g. the one that signed a POST policy). */
  public Principal ofAccessKey(String key) {
    String description = keys.get().stream().filter(k -> k.accessKeyId().equals(key)).findFirst()
        .map(AccessKey::description).orElse(null);
    return new Principal(owner(key, description));
  }

  /** The canonical user with this id, if it is one of the access keys. */
  public Optional<Acl.Owner> byId(String id) {
    return keys.get().stream().map(k -> owner(k.accessKeyId(), k.description())).filter(o -> o.id().equals(id))
        .findFirst();
  }

  private Acl.Owner owner(String accessKeyId, String description) {
    String id = canonicalIds.computeIfAbsent(accessKeyId, k -> SigV4Verifier.sha256Hex("thingtank-owner:" + k));
    return new Acl.Owner(id, description == null || description.isBlank() ? accessKeyId : description);
  }
}

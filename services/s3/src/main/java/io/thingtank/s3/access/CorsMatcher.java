package io.thingtank.s3.access;

import io.thingtank.s3.model.CorsRule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the CORS rule that admits a request (S3 User Guide, "How does Amazon S3 evaluate the CORS
 * configuration on a bucket?"): the first rule whose AllowedOrigin, AllowedMethod and (for
 * preflight) AllowedHeader patterns all match.
 */
public final class CorsMatcher {
  private CorsMatcher() {}

  public static Optional<CorsRule> match(List<CorsRule> rules, String origin, String method, List<String> headers) {
    if (rules == null || origin == null || method == null) return Optional.empty();
    for (CorsRule r : rules) {
      if (r.allowedOrigins().stream().noneMatch(o -> Wildcards.matches(o, origin, false))) continue;
      if (!r.allowedMethods().contains(method.toUpperCase(Locale.ROOT))) continue;
      List<String> allowed = r.allowedHeaders() == null ? List.of() : r.allowedHeaders();
      if (!headers.stream().allMatch(h -> allowed.stream().anyMatch(a -> Wildcards.matches(a, h, true)))) continue;
      return Optional.of(r);
    }
    return Optional.empty();
  }
}

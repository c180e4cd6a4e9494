package io.thingtank.s3.lifecycle;

import io.thingtank.s3.model.LifecycleConfiguration;
import io.thingtank.s3.model.LifecycleRule;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.wire.HttpDates;

/**
 * When lifecycle rules act (S3 User Guide, "Lifecycle rules: based on an object's age"): a
 * number of days after a moment is that moment plus the days, rounded up to the next midnight
 * UTC. The day length is configurable so tests can run a "day" in a second. Thread-safe.
 */
public final class Expirations {
  private final long dayMillis;

  public Expirations(long dayMillis) { this.dayMillis = dayMillis; }

  /** When the earliest matching Expiration rule expires a current version, and which rule. */
  public record Expiry(long atMillis, String ruleId) {
    /** The {@code x-amz-expiration} header of PUT, GET and HEAD (S3 API Reference, HeadObject). */
    public String header() {
      return "expiry-date=\"" + HttpDates.http(atMillis) + "\", rule-id=\"" + ruleId + "\"";
    }
  }

  /** The expiry of a current version, or null when no enabled Expiration rule matches it. */
  public Expiry of(LifecycleConfiguration config, ObjectMeta current) {
    if (config == null || current.deleteMarker()) return null;
    Expiry best = null;
    for (LifecycleRule r : config.rules()) {
      if (!r.enabled() || !r.expiresCurrent() || !r.matches(current)) continue;
      long at = r.expirationDate() != null ? r.expirationDate() : after(current.lastModifiedMillis(), r.expirationDays());
      if (best == null || at < best.atMillis()) best = new Expiry(at, r.id());
    }
    return best;
  }

  /** {@code days} after {@code fromMillis}, rounded up to the start of the next day. */
  public long after(long fromMillis, int days) {
    long t = fromMillis + days * dayMillis;
    return Math.ceilDiv(t, dayMillis) * dayMillis;
  }
}

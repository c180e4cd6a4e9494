package io.thingtank.s3.lifecycle;

import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.LifecycleConfiguration;
import io.thingtank.s3.model.LifecycleRule;
import io.thingtank.s3.wire.HttpDates;
import io.thingtank.s3.wire.XmlIn;
import io.thingtank.s3.wire.XmlOut;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code LifecycleConfiguration} document (S3 API Reference, PutBucketLifecycleConfiguration):
 * parsed with S3's checks (MalformedXML for a wrong shape, InvalidArgument for bad values,
 * InvalidRequest for forbidden combinations) and written back for GetBucketLifecycleConfiguration.
 * Transitions need storage classes this store does not have: they answer NotImplemented.
 */
public final class LifecycleXml {
  private static final int MAX_RULES = 1000;
  private static final long DAY = 86_400_000L;

  private LifecycleXml() {}

  public static LifecycleConfiguration parse(byte[] body) {
    List<XmlIn> rules = XmlIn.parse(body, "LifecycleConfiguration").children("Rule");
    if (rules.isEmpty() || rules.size() > MAX_RULES) throw S3Errors.malformedXml();
    Set<String> ids = new HashSet<>();
    List<LifecycleRule> out = new ArrayList<>();
    for (XmlIn r : rules) {
      LifecycleRule rule = rule(r);
      if (!ids.add(rule.id())) {
        throw S3Errors.invalidArgument("Rule ID must be unique. Found same ID for more than one rule");
      }
      out.add(rule);
    }
    return new LifecycleConfiguration(out);
  }

  private static LifecycleRule rule(XmlIn r) {
    String id = r.text("ID");
    if (id == null) id = UUID.randomUUID().toString().replace("-", "");
    if (id.length() > 255) throw S3Errors.invalidArgument("ID length should not exceed allowed limit of 255");
    String status = trimmed(r.text("Status"));
    if (!"Enabled".equals(status) && !"Disabled".equals(status)) throw S3Errors.malformedXml();
    List<XmlIn> transitions = new ArrayList<>(r.children("Transition"));
    transitions.addAll(r.children("NoncurrentVersionTransition"));
    for (XmlIn t : transitions) {
      if (t.text("Date") != null) midnight(t.text("Date"));
    }
    if (!transitions.isEmpty()) throw S3Errors.notImplemented("lifecycle transitions (there is one storage class)");
    XmlIn legacy = r.child("Prefix");
    XmlIn filter = r.child("Filter");
    if ((legacy == null) == (filter == null)) throw S3Errors.malformedXml();
    Filter f = legacy != null ? new Filter(legacy.text(), false, Map.of(), null, null) : filter(filter);

    Integer days = null;
    Long date = null;
    Boolean deleteMarkers = null;
    XmlIn exp = r.child("Expiration");
    if (exp != null) {
      int given = count(exp, "Days", "Date", "ExpiredObjectDeleteMarker");
      if (given != 1) throw S3Errors.malformedXml();
      days = positive(exp.text("Days"), "'Days' for Expiration action must be a positive integer");
      date = exp.text("Date") == null ? null : midnight(exp.text("Date"));
      String eodm = trimmed(exp.text("ExpiredObjectDeleteMarker"));
      if (eodm != null) {
        if (!eodm.equals("true") && !eodm.equals("false")) throw S3Errors.malformedXml();
        deleteMarkers = Boolean.valueOf(eodm);
        if (!f.tags().isEmpty()) {
          throw S3Errors.invalidRequest("ExpiredObjectDeleteMarker cannot be specified with object tagging.");
        }
      }
    }
    Integer noncurrentDays = null;
    Integer newer = null;
    XmlIn nve = r.child("NoncurrentVersionExpiration");
    if (nve != null) {
      noncurrentDays = positive(nve.text("NoncurrentDays"),
          "'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer");
      if (noncurrentDays == null) throw S3Errors.malformedXml();
      newer = positive(nve.text("NewerNoncurrentVersions"), "'NewerNoncurrentVersions' must be a positive integer");
      if (newer != null && newer > 100) {
        throw S3Errors.invalidArgument("'NewerNoncurrentVersions' must not be greater than 100");
      }
    }
    Integer abortDays = null;
    XmlIn abort = r.child("AbortIncompleteMultipartUpload");
    if (abort != null) {
      abortDays = positive(abort.text("DaysAfterInitiation"),
          "'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer");
      if (abortDays == null) throw S3Errors.malformedXml();
      if (!f.tags().isEmpty()) throw S3Errors.invalidRequest("AbortIncompleteMultipartUpload cannot be specified with Tags.");
    }
    if (exp == null && nve == null && abort == null) {
      throw S3Errors.invalidRequest("At least one action needs to be specified in a rule");
    }
    return new LifecycleRule(id, status.equals("Enabled"), f.prefix(), legacy != null, f.and(), f.tags(),
        f.greaterThan(), f.lessThan(), days, date, deleteMarkers, noncurrentDays, newer, abortDays);
  }

  private record Filter(String prefix, boolean and, Map<String, String> tags, Long greaterThan, Long lessThan) {}

  /** A Filter holds at most one of Prefix, Tag, ObjectSizeGreaterThan, ObjectSizeLessThan, And. */
  private static Filter filter(XmlIn f) {
    if (count(f, "Prefix", "Tag", "ObjectSizeGreaterThan", "ObjectSizeLessThan", "And") > 1
        || f.children("Tag").size() > 1) {
      throw S3Errors.malformedXml();
    }
    XmlIn and = f.child("And");
    XmlIn from = and != null ? and : f;
    Map<String, String> tags = new LinkedHashMap<>();
    for (XmlIn t : from.children("Tag")) {
      String k = t.text("Key");
      String v = t.text("Value");
      if (k == null || v == null) throw S3Errors.malformedXml();
      if (tags.put(k, v) != null) throw S3Errors.invalidArgument("Duplicate Tag Keys are not allowed.");
    }
    return new Filter(from.text("Prefix"), and != null, tags, size(from.text("ObjectSizeGreaterThan")),
        size(from.text("ObjectSizeLessThan")));
  }

  private static int count(XmlIn parent, String... names) {
    int n = 0;
    for (String name : names) if (parent.child(name) != null) n++;
    return n;
  }

  private static Integer positive(String v, String message) {
    if (v == null) return null;
    try {
      int n = Integer.parseInt(v.trim());
      if (n <= 0) throw S3Errors.invalidArgument(message);
      return n;
    } catch (NumberFormatException e) {
      throw S3Errors.malformedXml();
    }
  }

  private static Long size(String v) {
    if (v == null) return null;
    try {
      long n = Long.parseLong(v.trim());
      if (n < 0) throw S3Errors.invalidArgument("Object size must be a non-negative number");
      return n;
    } catch (NumberFormatException e) {
      throw S3Errors.malformedXml();
    }
  }

  /** An ISO 8601 date or date-time that must fall on midnight UTC. */
  private static long midnight(String v) {
    String s = v.trim();
    long millis;
    try {
      millis = s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
          : s.endsWith("Z") ? Instant.parse(s).toEpochMilli() : OffsetDateTime.parse(s).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw S3Errors.invalidArgument("Invalid date: " + v);
    }
    if (millis % DAY != 0) throw S3Errors.invalidArgument("'Date' must be at midnight GMT");
    return millis;
  }

  public static XmlOut write(LifecycleConfiguration c) {
    XmlOut x = XmlOut.document("LifecycleConfiguration");
    for (LifecycleRule r : c.rules()) {
      x.open("Rule").el("ID", r.id());
      if (r.legacyPrefix()) {
        x.el("Prefix", r.prefix() == null ? "" : r.prefix());
      } else {
        x.open("Filter");
        if (r.and()) x.open("And");
        x.el("Prefix", r.prefix());
        if (r.tags() != null) r.tags().forEach((k, v) -> x.open("Tag").el("Key", k).el("Value", v).close());
        x.el("ObjectSizeGreaterThan", r.sizeGreaterThan()).el("ObjectSizeLessThan", r.sizeLessThan());
        if (r.and()) x.close();
        x.close();
      }
      x.el("Status", r.enabled() ? "Enabled" : "Disabled");
      if (r.expiresCurrent() || r.expiredObjectDeleteMarker() != null) {
        x.open("Expiration").el("Days", r.expirationDays())
            .el("Date", r.expirationDate() == null ? null : HttpDates.iso(r.expirationDate()))
            .el("ExpiredObjectDeleteMarker", r.expiredObjectDeleteMarker()).close();
      }
      if (r.noncurrentDays() != null) {
        x.open("NoncurrentVersionExpiration").el("NoncurrentDays", r.noncurrentDays())
            .el("NewerNoncurrentVersions", r.newerNoncurrentVersions()).close();
      }
      if (r.abortDays() != null) {
        x.open("AbortIncompleteMultipartUpload").el("DaysAfterInitiation", r.abortDays()).close();
      }
      x.close();
    }
    return x;
  }

  private static String trimmed(String s) { return s == null ? null : s.trim(); }
}

package io.thingtank.s3.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingtank.aws.AwsError;
import io.thingtank.s3.model.LifecycleConfiguration;
import io.thingtank.s3.model.LifecycleRule;
import io.thingtank.s3.model.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleXmlTest {
  static LifecycleConfiguration parse(String rules) {
    return LifecycleXml.parse(("<LifecycleConfiguration>" + rules + "</LifecycleConfiguration>")
        .getBytes(StandardCharsets.UTF_8));
  }

  static String codeOf(String rules) {
    try {
      parse(rules);
    } catch (AwsError e) {
      return e.code();
    }
    throw new AssertionError("parsed");
  }

  @Test void legacyPrefixAndDateRoundTrip() {
    LifecycleConfiguration c = parse("<Rule><ID>r</ID><Prefix>logs/</Prefix><Status>Enabled</Status>"
        + "<Expiration><Date>2030-01-01T00:00:00.000Z</Date></Expiration></Rule>");
    LifecycleRule r = c.rules().get(0);
    assertThat(r.legacyPrefix()).isTrue();
    assertThat(r.prefix()).isEqualTo("logs/");
    assertThat(r.expirationDate()).isEqualTo(1893456000000L);
    String written = new String(LifecycleXml.write(c).toBuffer().getBytes(), StandardCharsets.UTF_8);
    assertThat(written).contains("<Prefix>logs/</Prefix><Status>Enabled</Status>")
        .contains("<Date>2030-01-01T00:00:00.000Z</Date>");
    assertThat(parse(written.substring(written.indexOf("<Rule>"), written.lastIndexOf("</LifecycleConfiguration>"))))
        .isEqualTo(c);
  }

  @Test void filtersMatchPrefixTagsAndSize() {
    LifecycleRule r = parse("<Rule><ID>r</ID><Filter><And><Prefix>a/</Prefix><Tag><Key>k</Key><Value>v</Value></Tag>"
        + "<ObjectSizeGreaterThan>2</ObjectSizeGreaterThan><ObjectSizeLessThan>10</ObjectSizeLessThan></And></Filter>"
        + "<Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>").rules().get(0);
    assertThat(r.matches(object("a/x", 5, Map.of("k", "v")))).isTrue();
    assertThat(r.matches(object("b/x", 5, Map.of("k", "v")))).isFalse();
    assertThat(r.matches(object("a/x", 5, Map.of("k", "w")))).isFalse();
    assertThat(r.matches(object("a/x", 2, Map.of("k", "v")))).isFalse();
    assertThat(r.matches(object("a/x", 10, Map.of("k", "v")))).isFalse();
  }

  @Test void s3ErrorsForBadDocuments() {
    String expire = "<Status>Enabled</Status><Expiration><Days>1</Days></Expiration>";
    assertThat(codeOf("")).isEqualTo("MalformedXML");
    assertThat(codeOf("<Rule><Filter/><Status>On</Status><Expiration><Days>1</Days></Expiration></Rule>"))
        .isEqualTo("MalformedXML");
    assertThat(codeOf("<Rule>" + expire + "</Rule>")).isEqualTo("MalformedXML");
    assertThat(codeOf("<Rule><Prefix/><Filter/>" + expire + "</Rule>")).isEqualTo("MalformedXML");
    assertThat(codeOf("<Rule><Filter><Prefix/><ObjectSizeLessThan>1</ObjectSizeLessThan></Filter>" + expire + "</Rule>"))
        .isEqualTo("MalformedXML");
    assertThat(codeOf("<Rule><Filter/><Status>Enabled</Status><Expiration><Days>1</Days><Date>2030-01-01</Date>"
        + "</Expiration></Rule>")).isEqualTo("MalformedXML");
    assertThat(codeOf("<Rule><Filter/><Status>Enabled</Status><Expiration><Days>-1</Days></Expiration></Rule>"))
        .isEqualTo("InvalidArgument");
    assertThat(codeOf("<Rule><Filter/><Status>Enabled</Status><Expiration><Date>2030-01-01T01:00:00Z</Date>"
        + "</Expiration></Rule>")).isEqualTo("InvalidArgument");
    assertThat(codeOf("<Rule><ID>" + "x".repeat(256) + "</ID><Filter/>" + expire + "</Rule>"))
        .isEqualTo("InvalidArgument");
    assertThat(codeOf("<Rule><Filter/><Status>Enabled</Status><NoncurrentVersionExpiration><NoncurrentDays>1"
        + "</NoncurrentDays><NewerNoncurrentVersions>101</NewerNoncurrentVersions></NoncurrentVersionExpiration></Rule>"))
        .isEqualTo("InvalidArgument");
    assertThat(codeOf("<Rule><Filter/><Status>Enabled</Status></Rule>")).isEqualTo("InvalidRequest");
    assertThat(codeOf("<Rule><Filter/><Status>Enabled</Status><Transition><Days>1</Days>"
        + "<StorageClass>GLACIER</StorageClass></Transition></Rule>")).isEqualTo("NotImplemented");
  }

  @Test void daysRoundUpToTheNextDayStart() {
    Expirations e = new Expirations(1000);
    assertThat(e.after(10_500, 1)).isEqualTo(12_000);
    assertThat(e.after(10_000, 2)).isEqualTo(12_000);
    LifecycleConfiguration c = parse("<Rule><ID>late</ID><Filter/><Status>Enabled</Status><Expiration><Days>5</Days>"
        + "</Expiration></Rule><Rule><ID>early</ID><Filter><Prefix>a</Prefix></Filter><Status>Enabled</Status>"
        + "<Expiration><Days>2</Days></Expiration></Rule><Rule><ID>off</ID><Filter/><Status>Disabled</Status>"
        + "<Expiration><Days>1</Days></Expiration></Rule>");
    assertThat(e.of(c, object("a", 1, Map.of()))).isEqualTo(new Expirations.Expiry(3_000, "early"));
    assertThat(e.of(c, object("b", 1, Map.of())).ruleId()).isEqualTo("late");
    assertThat(e.of(c, object("a", 1, Map.of())).header())
        .isEqualTo("expiry-date=\"Thu, 1 Jan 1970 00:00:03 GMT\", rule-id=\"early\"");
  }

  static ObjectMeta object(String key, long size, Map<String, String> tags) {
    return new ObjectMeta(key, "blob", size, "etag", 100, Map.of(), Map.of(), "STANDARD", null, null, null, List.of(),
        tags);
  }
}

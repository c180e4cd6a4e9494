package io.thingtank.s3.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingtank.s3.model.QueueNotification;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationRulesTest {
  static QueueNotification q(String prefix, String suffix, String... events) {
    return new QueueNotification("id", "arn:aws:sqs:us-east-1:1:q", List.of(events), prefix, suffix);
  }

  @Test void matchesEventsByNameOrWildcardAndKeysByPrefixAndSuffix() {
    QueueNotification c = q("raw/", ".json", "s3:ObjectCreated:*", "s3:ObjectRemoved:Delete");
    assertThat(NotificationRules.matches(c, "ObjectCreated:CompleteMultipartUpload", "raw/a.json")).isTrue();
    assertThat(NotificationRules.matches(c, "ObjectRemoved:Delete", "raw/a.json")).isTrue();
    assertThat(NotificationRules.matches(c, "ObjectRemoved:DeleteMarkerCreated", "raw/a.json")).isFalse();
    assertThat(NotificationRules.matches(c, "ObjectCreated:Put", "raw/a.csv")).isFalse();
    assertThat(NotificationRules.matches(c, "ObjectCreated:Put", "cooked/a.json")).isFalse();
  }

  @Test void overlapNeedsACommonEventAndOverlappingPrefixAndSuffix() {
    assertThatThrownBy(() -> NotificationRules.checkOverlaps(List.of(q("a/", null, "s3:ObjectCreated:*"),
        q("a/b/", null, "s3:ObjectCreated:Put")))).hasMessageContaining("overlap");
    assertThatThrownBy(() -> NotificationRules.checkOverlaps(List.of(q(null, ".jpg", "s3:ObjectCreated:Put"),
        q("x", "large.jpg", "s3:ObjectCreated:Put")))).hasMessageContaining("overlap");
    assertThatCode(() -> NotificationRules.checkOverlaps(List.of(q("a/", null, "s3:ObjectCreated:*"),
        q("b/", null, "s3:ObjectCreated:*"), q("a/", null, "s3:ObjectRemoved:*")))).doesNotThrowAnyException();
    assertThatCode(() -> NotificationRules.checkOverlaps(List.of(q(null, ".jpg", "s3:ObjectCreated:*"),
        q(null, ".png", "s3:ObjectCreated:*")))).doesNotThrowAnyException();
  }

  @Test void eventKeysAreFormEncodedWithSlashesKept() {
    assertThat(EventRecords.eventKey("dt=2026-01-01/my file+1.csv")).isEqualTo("dt%3D2026-01-01/my+file%2B1.csv");
  }
}

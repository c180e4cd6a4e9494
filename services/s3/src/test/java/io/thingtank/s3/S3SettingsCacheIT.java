package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Bucket settings are read from memory ({@code store/SettingsCache}): each test first reads an
 * object (so the bucket's settings are loaded), changes a setting, and checks that the very next
 * request obeys the change.
 */
class S3SettingsCacheIT {
  @TempDir static Path dir;
  static S3TestNode tt;
  static S3Client s3;

  @BeforeAll static void start() {
    tt = new S3TestNode(dir);
    s3 = tt.client();
  }

  @AfterAll static void stop() {
    s3.close();
    tt.close();
  }

  private static String publicRead(String bucket) {
    return """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::%s/*"}]}"""
        .formatted(bucket);
  }

  @Test void policyAndPublicAccessBlockChangesApplyToTheNextRequest() throws Exception {
    s3.createBucket(b -> b.bucket("cached-policy"));
    s3.putObject(b -> b.bucket("cached-policy").key("k"), RequestBody.fromString("v"));
    assertThat(tt.anonymous("GET", "/cached-policy/k")).isEqualTo(403);

    s3.putBucketPolicy(b -> b.bucket("cached-policy").policy(publicRead("cached-policy")));
    assertThat(tt.anonymous("GET", "/cached-policy/k")).isEqualTo(200);

    s3.putPublicAccessBlock(b -> b.bucket("cached-policy")
        .publicAccessBlockConfiguration(c -> c.restrictPublicBuckets(true)));
    assertThat(tt.anonymous("GET", "/cached-policy/k")).isEqualTo(403);
    s3.deletePublicAccessBlock(b -> b.bucket("cached-policy"));
    assertThat(tt.anonymous("GET", "/cached-policy/k")).isEqualTo(200);

    s3.deleteBucketPolicy(b -> b.bucket("cached-policy"));
    assertThat(tt.anonymous("GET", "/cached-policy/k")).isEqualTo(403);
  }

  @Test void versioningAndLifecycleChangesApplyToTheNextRequest() {
    s3.createBucket(b -> b.bucket("cached-versions"));
    s3.putObject(b -> b.bucket("cached-versions").key("tmp/a"), RequestBody.fromString("1"));
    assertThat(s3.getObjectAsBytes(b -> b.bucket("cached-versions").key("tmp/a")).response().versionId()).isNull();

    s3.putBucketVersioning(b -> b.bucket("cached-versions")
        .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    PutObjectResponse put = s3.putObject(b -> b.bucket("cached-versions").key("tmp/a"), RequestBody.fromString("2"));
    assertThat(put.versionId()).isNotNull().isNotEqualTo("null");
    assertThat(s3.getObjectAsBytes(b -> b.bucket("cached-versions").key("tmp/a")).response().versionId())
        .isEqualTo(put.versionId());

    assertThat(s3.headObject(b -> b.bucket("cached-versions").key("tmp/a")).expiration()).isNull();
    s3.putBucketLifecycleConfiguration(b -> b.bucket("cached-versions").lifecycleConfiguration(
        BucketLifecycleConfiguration.builder().rules(LifecycleRule.builder().id("tmp").status(ExpirationStatus.ENABLED)
            .filter(LifecycleRuleFilter.builder().prefix("tmp/").build()).expiration(e -> e.days(1)).build()).build()));
    assertThat(s3.headObject(b -> b.bucket("cached-versions").key("tmp/a")).expiration()).contains("rule-id=\"tmp\"");
    s3.deleteBucketLifecycle(b -> b.bucket("cached-versions"));
    assertThat(s3.headObject(b -> b.bucket("cached-versions").key("tmp/a")).expiration()).isNull();
  }

  @Test void aDeletedBucketIsGoneAndItsNewIncarnationStartsClean() throws Exception {
    s3.createBucket(b -> b.bucket("cached-again"));
    s3.putObject(b -> b.bucket("cached-again").key("k"), RequestBody.fromString("v"));
    s3.putBucketPolicy(b -> b.bucket("cached-again").policy(publicRead("cached-again")));
    assertThat(tt.anonymous("GET", "/cached-again/k")).isEqualTo(200);
    s3.deleteObject(b -> b.bucket("cached-again").key("k"));
    s3.deleteBucket(b -> b.bucket("cached-again"));
    S3TestNode.assertCode(() -> s3.getObject(b -> b.bucket("cached-again").key("k")), "NoSuchBucket");

    s3.createBucket(b -> b.bucket("cached-again"));
    s3.putObject(b -> b.bucket("cached-again").key("k"), RequestBody.fromString("w"));
    assertThat(s3.getObjectAsBytes(b -> b.bucket("cached-again").key("k")).asUtf8String()).isEqualTo("w");
    assertThat(tt.anonymous("GET", "/cached-again/k")).isEqualTo(403); // the old bucket's policy went with it
  }
}

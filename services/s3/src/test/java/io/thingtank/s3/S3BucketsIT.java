package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Buckets with the AWS SDK for Java v2: create, head, location, list with pagination, delete; both addressing styles. */
class S3BucketsIT {
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

  @Test void createHeadListDelete() {
    s3.createBucket(b -> b.bucket("alpha"));
    s3.createBucket(b -> b.bucket("beta").createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
    assertThat(s3.headBucket(b -> b.bucket("alpha")).bucketRegion()).isEqualTo("us-east-1");
    assertThat(s3.getBucketLocation(b -> b.bucket("beta")).locationConstraintAsString()).isEqualTo("eu-west-1");
    assertThat(s3.listBuckets().buckets()).extracting(x -> x.name()).contains("alpha", "beta");

    assertThatThrownBy(() -> s3.createBucket(b -> b.bucket("alpha")))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.statusCode()).isEqualTo(409);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketAlreadyOwnedByYou");
        });
    s3.putObject(b -> b.bucket("alpha").key("k"), RequestBody.fromString("x"));
    assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket("alpha")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty"));
    s3.deleteObject(b -> b.bucket("alpha").key("k"));
    s3.deleteBucket(b -> b.bucket("alpha"));
    assertThatThrownBy(() -> s3.headBucket(b -> b.bucket("alpha"))).isInstanceOf(NoSuchBucketException.class);
    assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket("alpha"))).isInstanceOf(NoSuchBucketException.class);
  }

  @Test void listBucketsPaginates() {
    for (int i = 0; i < 5; i++) {
      int n = i;
      s3.createBucket(b -> b.bucket("page-" + n));
    }
    ListBucketsResponse first = s3.listBuckets(b -> b.maxBuckets(2).prefix("page-"));
    assertThat(first.buckets()).extracting(x -> x.name()).containsExactly("page-0", "page-1");
    assertThat(first.continuationToken()).isNotNull();
    assertThat(s3.listBucketsPaginator(b -> b.maxBuckets(2).prefix("page-")).buckets())
        .extracting(x -> x.name()).containsExactly("page-0", "page-1", "page-2", "page-3", "page-4");
  }

  @Test void virtualHostedStyleOnBothDomains() {
    for (String host : new String[] {"s3.localhost", "localhost"}) {
      try (S3Client vh = tt.virtualHostClient(host)) {
        String bucket = "vh-" + host.replace('.', '-');
        vh.createBucket(b -> b.bucket(bucket));
        vh.putObject(b -> b.bucket(bucket).key("dir/file.txt"), RequestBody.fromString("hello " + host));
        assertThat(vh.getObjectAsBytes(b -> b.bucket(bucket).key("dir/file.txt")).asUtf8String()).isEqualTo("hello " + host);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("dir/file.txt")).asUtf8String()).isEqualTo("hello " + host);
        assertThat(vh.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(o -> o.key()).containsExactly("dir/file.txt");
      }
    }
  }
}

package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Small PUTs of one key from many connections (and event loops) at once: a bucket's writes are
 * serialised on its stripe, so each overwrite removes exactly the blob it replaced and each
 * version gets its own sequence number.
 */
class S3ConcurrentWritesIT {
  static final int IN_FLIGHT = 16;
  static final int ROUNDS = 4;
  @TempDir static Path dir;
  static S3TestNode tt;
  static S3AsyncClient s3;

  @BeforeAll static void start() {
    tt = new S3TestNode(dir);
    s3 = tt.asyncClient();
  }

  @AfterAll static void stop() {
    s3.close();
    tt.close();
  }

  private static String body(int round, int i) { return "body " + round + "/" + i + " ".repeat(1000 + i); }

  /** ROUNDS x IN_FLIGHT PUTs of {@code key}, IN_FLIGHT at a time; the responses of every PUT. */
  private static List<PutObjectResponse> putConcurrently(String bucket, String key) throws Exception {
    List<PutObjectResponse> all = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      List<CompletableFuture<PutObjectResponse>> puts = new ArrayList<>();
      for (int i = 0; i < IN_FLIGHT; i++) {
        puts.add(s3.putObject(b -> b.bucket(bucket).key(key), AsyncRequestBody.fromString(body(round, i))));
      }
      for (CompletableFuture<PutObjectResponse> p : puts) all.add(p.get(30, TimeUnit.SECONDS));
    }
    return all;
  }

  private static long blobFiles() throws IOException {
    try (Stream<Path> files = Files.walk(tt.node.platform().config().dataDir().resolve("s3").resolve("blobs"))) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private static Set<String> allBodies() {
    Set<String> out = new HashSet<>();
    for (int round = 0; round < ROUNDS; round++) for (int i = 0; i < IN_FLIGHT; i++) out.add(body(round, i));
    return out;
  }

  @Test void concurrentOverwritesLeaveOneObjectAndOneBlob() throws Exception {
    s3.createBucket(b -> b.bucket("race")).get(30, TimeUnit.SECONDS);
    long before = blobFiles();
    putConcurrently("race", "k");

    String got = s3.getObject(b -> b.bucket("race").key("k"), AsyncResponseTransformer.toBytes())
        .get(30, TimeUnit.SECONDS).asUtf8String();
    assertThat(allBodies()).contains(got);
    assertThat(blobFiles()).isEqualTo(before + 1);
  }

  @Test void concurrentPutsToAVersionedBucketEachGetTheirOwnVersion() throws Exception {
    s3.createBucket(b -> b.bucket("race-versions")).get(30, TimeUnit.SECONDS);
    s3.putBucketVersioning(b -> b.bucket("race-versions").versioningConfiguration(v -> v.status("Enabled")))
        .get(30, TimeUnit.SECONDS);
    List<PutObjectResponse> puts = putConcurrently("race-versions", "k");

    Set<String> ids = new HashSet<>();
    for (PutObjectResponse p : puts) ids.add(p.versionId());
    assertThat(ids).hasSize(ROUNDS * IN_FLIGHT);
    List<ObjectVersion> versions = s3.listObjectVersions(b -> b.bucket("race-versions")).get(30, TimeUnit.SECONDS)
        .versions();
    assertThat(versions).hasSize(ROUNDS * IN_FLIGHT);
    assertThat(versions.stream().map(ObjectVersion::versionId)).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(versions.stream().filter(ObjectVersion::isLatest)).hasSize(1);
    Set<String> bodies = new HashSet<>();
    for (ObjectVersion v : versions) {
      bodies.add(s3.getObject(b -> b.bucket("race-versions").key("k").versionId(v.versionId()),
          AsyncResponseTransformer.toBytes()).get(30, TimeUnit.SECONDS).asUtf8String());
    }
    assertThat(bodies).isEqualTo(allBodies());
  }
}

package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingtank.core.storage.RocksEngine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * kill -9 of the server process in the middle of an upload: after a restart on the same data
 * directory the acknowledged objects (a file body and an inline one) are intact, the interrupted
 * one is invisible, and no temp file or unreferenced inline body is left behind.
 */
class S3CrashIT {
  @TempDir Path dir;

  @Test void killDuringUploadLeavesOnlyAcknowledgedObjects() throws Exception {
    int port = S3TestNode.freePort();
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), S3Main.class.getName(), dir.toString(), Integer.toString(port))
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String line;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while ((line = out.readLine()) != null && !line.contains("READY") && System.nanoTime() < deadline) { }
      assertThat(line).contains("READY");

      var key = readKey();
      try (S3Client s3 = client(port, key[0], key[1])) {
        s3.createBucket(b -> b.bucket("crash"));
        s3.putObject(b -> b.bucket("crash").key("acked"), RequestBody.fromString("safe and sound"));
      }
      try (S3Client s3 = plainBodyClient(port, key[0], key[1])) {
        s3.putObject(b -> b.bucket("crash").key("acked-inline"), RequestBody.fromString("small and inline"));
      }
      // An anonymous upload to a public-read-write bucket would need an ACL; a presigned PUT is simpler:
      // send the head and half the body of a large PUT, then kill the server.
      try (Socket socket = new Socket("127.0.0.1", port)) {
        OutputStream o = socket.getOutputStream();
        String presigned = presignedPut(port, key[0], key[1]);
        o.write(("PUT " + presigned + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: 8388608\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        o.write(new byte[4 * 1024 * 1024]);
        o.flush();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (tempFiles() == 0 && System.nanoTime() < until) Thread.sleep(50);
        assertThat(tempFiles()).as("the upload is being written to a temp file").isPositive();
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } finally {
      server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(tempFiles()).as("kill -9 left the partial upload's temp file").isPositive();
    // An inline body whose metadata never was (as a crash between two writes would leave it).
    try (RocksEngine engine = RocksEngine.open(dir.resolve("db"), false)) {
      engine.table("s3-bodies").put("i0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
          new byte[] {1, 2, 3});
    }

    try (S3TestNode tt = new S3TestNode(dir); S3Client s3 = tt.client()) {
      assertThat(s3.getObjectAsBytes(b -> b.bucket("crash").key("acked")).asUtf8String()).isEqualTo("safe and sound");
      assertThatThrownBy(() -> s3.headObject(b -> b.bucket("crash").key("partial"))).isInstanceOf(
          software.amazon.awssdk.services.s3.model.S3Exception.class);
      assertThatThrownBy(() -> s3.getObject(b -> b.bucket("crash").key("partial"))).isInstanceOf(NoSuchKeyException.class);
      assertThat(tempFiles()).as("the start-up sweep removed it").isZero();
      assertThat(s3.getObjectAsBytes(b -> b.bucket("crash").key("acked-inline")).asUtf8String())
          .isEqualTo("small and inline");
      assertThat(tt.inlineBodies()).as("the sweep removed the unreferenced inline body, kept the acknowledged one")
          .isEqualTo(1);
    }
  }

  private long tempFiles() throws java.io.IOException {
    try (Stream<Path> tmp = Files.list(dir.resolve("s3/tmp"))) {
      return tmp.count();
    }
  }

  private String[] readKey() {
    // The node wrote its root key into the data dir at first start; read it through a second Identity load.
    var identity = io.thingtank.core.identity.Identity.loadOrCreate(dir, null, io.thingtank.core.Clock.SYSTEM,
        new io.thingtank.core.Ids());
    var k = identity.keys().get(0);
    return new String[] {k.accessKeyId(), k.secretAccessKey()};
  }

  private static S3Client client(int port, String id, String secret) {
    return S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret)))
        .httpClientBuilder(ApacheHttpClient.builder()).build();
  }

  /** Sends PUT bodies as they are (not aws-chunked), so the server stores small ones inline. */
  private static S3Client plainBodyClient(int port, String id, String secret) {
    return S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret)))
        .httpClientBuilder(ApacheHttpClient.builder())
        .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
        .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
            .pathStyleAccessEnabled(true).chunkedEncodingEnabled(false).build()).build();
  }

  private static String presignedPut(int port, String id, String secret) {
    try (var presigner = software.amazon.awssdk.services.s3.presigner.S3Presigner.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret)))
        .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build()) {
      URI u = URI.create(presigner.presignPutObject(p -> p.signatureDuration(java.time.Duration.ofMinutes(5))
          .putObjectRequest(r -> r.bucket("crash").key("partial"))).url().toString());
      return u.getRawPath() + "?" + u.getRawQuery();
    }
  }
}

package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * SigV4 failures in S3's codes, streaming chunk signatures and payload hashes checked against
 * bytes corrupted after signing, presigned URLs (with java.net.http as the "curl"), anonymous
 * access, malformed XML. Nothing is stored by a rejected request.
 */
class S3AuthAndBadInputIT {
  @TempDir static Path dir;
  static S3TestNode tt;
  static S3Client s3;
  static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll static void start() {
    tt = new S3TestNode(dir);
    s3 = tt.client();
    s3.createBucket(b -> b.bucket("auth"));
  }

  @AfterAll static void stop() {
    s3.close();
    tt.close();
  }

  private static S3Client clientWith(String keyId, String secret) {
    return S3Client.builder().endpointOverride(URI.create(tt.endpoint())).forcePathStyle(true).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
        .httpClientBuilder(ApacheHttpClient.builder()).build();
  }

  private static void assertCode(Runnable r, int status, String code) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(S3Exception.class, e -> {
      assertThat(e.statusCode()).isEqualTo(status);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    });
  }

  @Test void wrongSecretAndUnknownKey() {
    try (S3Client wrong = clientWith(tt.key.accessKeyId(), "not-the-secret");
         S3Client unknown = clientWith("AKIAUNKNOWNUNKNOWN00", "whatever")) {
      assertCode(() -> wrong.listObjectsV2(b -> b.bucket("auth")), 403, "SignatureDoesNotMatch");
      assertCode(() -> unknown.listBuckets(), 403, "InvalidAccessKeyId");
      assertCode(() -> wrong.putObject(b -> b.bucket("auth").key("w"), RequestBody.fromString("x")), 403,
          "SignatureDoesNotMatch");
    }
    assertThat(s3.listObjectsV2(b -> b.bucket("auth").prefix("w")).contents()).isEmpty();
  }

  @Test void corruptedStreamingChunkIsRejected() {
    // The SDK sends STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER over http: flip a data byte after signing.
    try (S3Client tampered = S3Client.builder().endpointOverride(URI.create(tt.endpoint())).forcePathStyle(true)
        .region(Region.US_EAST_1).credentialsProvider(tt.credentials())
        .httpClient(new TamperingHttpClient(ApacheHttpClient.create(), 200)).build()) {
      assertThatThrownBy(() -> tampered.putObject(b -> b.bucket("auth").key("tampered"),
          RequestBody.fromBytes(new byte[100_000]))).isInstanceOfSatisfying(S3Exception.class,
          e -> assertThat(e.awsErrorDetails().errorCode()).isIn("SignatureDoesNotMatch", "BadDigest"));
    }
    assertThat(s3.listObjectsV2(b -> b.bucket("auth").prefix("tampered")).contents()).isEmpty();
  }

  @Test void presignedGetAndPutWithPlainHttpAndExpiry() throws Exception {
    s3.putObject(b -> b.bucket("auth").key("shared.txt"), RequestBody.fromString("for anyone with the link"));
    try (S3Presigner presigner = tt.presigner()) {
      URI get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
          .getObjectRequest(g -> g.bucket("auth").key("shared.txt"))).url().toURI();
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(get).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("for anyone with the link");

      URI put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
          .putObjectRequest(g -> g.bucket("auth").key("uploaded.txt"))).url().toURI();
      HttpResponse<String> up = http.send(HttpRequest.newBuilder(put).PUT(HttpRequest.BodyPublishers.ofString("device data"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(s3.getObjectAsBytes(b -> b.bucket("auth").key("uploaded.txt")).asUtf8String()).isEqualTo("device data");

      String tamperedUrl = get.toString().replace("shared.txt", "uploaded.txt");
      HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(tamperedUrl)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(bad.statusCode()).isEqualTo(403);
      assertThat(bad.body()).contains("<Code>SignatureDoesNotMatch</Code>");

      String expired = get.toString().replaceAll("X-Amz-Date=\\d{8}T\\d{6}Z", "X-Amz-Date=20200101T000000Z")
          .replaceAll("%2F\\d{8}%2F", "%2F20200101%2F");
      HttpResponse<String> old = http.send(HttpRequest.newBuilder(URI.create(expired)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(old.statusCode()).isEqualTo(403);
      assertThat(old.body()).contains("<Code>AccessDenied</Code>");
    }
  }

  /** Small PUT bodies are read before the authorisation runs (in the commit task): its errors must still come first. */
  @Test void aDeniedSmallPutIsRefusedBeforeItsBodyIsJudged() throws Exception {
    String wrongMd5 = java.util.Base64.getEncoder().encodeToString(new byte[16]);
    HttpResponse<String> denied = http.send(HttpRequest.newBuilder(URI.create(tt.endpoint() + "/auth/anonymous.txt"))
        .header("Content-MD5", wrongMd5).PUT(HttpRequest.BodyPublishers.ofString("not yours")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).contains("<Code>AccessDenied</Code>");
    assertThatThrownBy(() -> s3.headObject(b -> b.bucket("auth").key("anonymous.txt")))
        .isInstanceOf(software.amazon.awssdk.services.s3.model.NoSuchKeyException.class);

    S3TestNode.assertCode(() -> s3.putObject(b -> b.bucket("no-such-bucket-here").key("a.txt").contentMD5(wrongMd5),
        RequestBody.fromString("nowhere")), "NoSuchBucket");

    s3.createBucket(b -> b.bucket("public-write").acl(software.amazon.awssdk.services.s3.model.BucketCannedACL.PUBLIC_READ_WRITE));
    HttpResponse<String> badDigest = http.send(HttpRequest.newBuilder(URI.create(tt.endpoint() + "/public-write/a.txt"))
        .header("Content-MD5", wrongMd5).PUT(HttpRequest.BodyPublishers.ofString("judged")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(badDigest.statusCode()).isEqualTo(400);
    assertThat(badDigest.body()).contains("<Code>BadDigest</Code>");
  }

  @Test void anonymousAccessFollowsTheBucketAcl() throws Exception {
    s3.putObject(b -> b.bucket("auth").key("private.txt"), RequestBody.fromString("secret"));
    HttpResponse<String> denied = http.send(HttpRequest.newBuilder(URI.create(tt.endpoint() + "/auth/private.txt")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).contains("<Code>AccessDenied</Code>").contains("<RequestId>");

    s3.createBucket(b -> b.bucket("public-stuff").acl(software.amazon.awssdk.services.s3.model.BucketCannedACL.PUBLIC_READ));
    // As in S3, a public-read bucket lets anyone list it; each object needs its own public ACL.
    s3.putObject(b -> b.bucket("public-stuff").key("open.txt").acl(software.amazon.awssdk.services.s3.model.ObjectCannedACL.PUBLIC_READ),
        RequestBody.fromString("hello world"));
    HttpResponse<String> open = http.send(HttpRequest.newBuilder(URI.create(tt.endpoint() + "/public-stuff/open.txt")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(open.body()).isEqualTo("hello world");
    HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create(tt.endpoint() + "/public-stuff/x"))
        .PUT(HttpRequest.BodyPublishers.ofString("no")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(write.statusCode()).isEqualTo(403);
  }

  @Test void malformedXmlAndBadRequests() throws Exception {
    // DeleteObjects with a body that is not XML, signed by the SDK: go through a presigned-free raw path
    // by sending the SDK's own request shape with a broken document.
    try (S3Client raw = S3Client.builder().endpointOverride(URI.create(tt.endpoint())).forcePathStyle(true)
        .region(Region.US_EAST_1).credentialsProvider(tt.credentials())
        .overrideConfiguration(o -> o.addExecutionInterceptor(new BodyReplacingInterceptor("<Delete><Object><Key>a</Key>")))
        .httpClientBuilder(ApacheHttpClient.builder()).build()) {
      assertCode(() -> raw.deleteObjects(b -> b.bucket("auth").delete(d -> d.objects(o -> o.key("a")))), 400, "MalformedXML");
    }
    s3.putObject(b -> b.bucket("auth").key("parts.txt"), RequestBody.fromString("one part"));
    assertCode(() -> s3.getObject(b -> b.bucket("auth").key("parts.txt").partNumber(0)), 400, "InvalidArgument");
    assertCode(() -> s3.listObjectsV2(b -> b.bucket("auth").continuationToken("%%%")), 400, "InvalidArgument");
    assertCode(() -> s3.putObject(b -> b.bucket("auth").key("k".repeat(1025)), RequestBody.fromString("x")), 400,
        "KeyTooLongError");
    assertCode(() -> s3.getBucketEncryption(b -> b.bucket("auth")), 501, "NotImplemented");
    assertThat(List.of(ObjectCannedACL.values())).isNotEmpty();
  }
}

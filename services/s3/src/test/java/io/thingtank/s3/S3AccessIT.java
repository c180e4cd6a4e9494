package io.thingtank.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Bucket policies (stored and enforced) and CORS (configuration, preflight, response headers). */
class S3AccessIT {
  @TempDir static Path dir;
  static S3TestNode tt;
  static S3Client s3;
  static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll static void start() {
    tt = new S3TestNode(dir);
    s3 = tt.client();
  }

  @AfterAll static void stop() {
    s3.close();
    tt.close();
  }

  private static HttpResponse<String> anonymous(String method, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(tt.endpoint() + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test void policyAllowsPublicPrefixAndDeniesDeletesForEveryone() throws Exception {
    s3.createBucket(b -> b.bucket("policed"));
    s3.putObject(b -> b.bucket("policed").key("public/a.txt"), RequestBody.fromString("open"));
    s3.putObject(b -> b.bucket("policed").key("private/b.txt"), RequestBody.fromString("closed"));
    String policy = """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::policed/public/*"},
          {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": ["s3:DeleteObject"], "Resource": "arn:aws:s3:::policed/*"}
        ]}""";
    s3.putBucketPolicy(b -> b.bucket("policed").policy(policy));
    assertThat(s3.getBucketPolicy(b -> b.bucket("policed")).policy()).isEqualTo(policy);

    assertThat(anonymous("GET", "/policed/public/a.txt").body()).isEqualTo("open");
    assertThat(anonymous("GET", "/policed/private/b.txt").statusCode()).isEqualTo(403);
    assertThat(anonymous("GET", "/policed").statusCode()).isEqualTo(403);
    assertThatThrownBy(() -> s3.deleteObject(b -> b.bucket("policed").key("public/a.txt")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    assertThat(s3.getObjectAsBytes(b -> b.bucket("policed").key("public/a.txt")).asUtf8String()).isEqualTo("open");

    s3.deleteBucketPolicy(b -> b.bucket("policed"));
    assertThat(anonymous("GET", "/policed/public/a.txt").statusCode()).isEqualTo(403);
    s3.deleteObject(b -> b.bucket("policed").key("public/a.txt"));

    assertThatThrownBy(() -> s3.putBucketPolicy(b -> b.bucket("policed").policy("{not json")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicy"));
    assertThatThrownBy(() -> s3.getBucketPolicy(b -> b.bucket("policed")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy"));
  }

  @Test void corsConfigurationPreflightAndResponseHeaders() throws Exception {
    s3.createBucket(b -> b.bucket("web"));
    s3.putBucketAcl(b -> b.bucket("web").acl(software.amazon.awssdk.services.s3.model.BucketCannedACL.PUBLIC_READ));
    s3.putObject(b -> b.bucket("web").key("app.js").acl(software.amazon.awssdk.services.s3.model.ObjectCannedACL.PUBLIC_READ),
        RequestBody.fromString("console.log(1)"));
    s3.putBucketCors(b -> b.bucket("web").corsConfiguration(c -> c.corsRules(CORSRule.builder()
        .allowedOrigins("https://*.example.com").allowedMethods("GET", "PUT").allowedHeaders("x-amz-*", "content-type")
        .exposeHeaders("ETag").maxAgeSeconds(600).build())));
    assertThat(s3.getBucketCors(b -> b.bucket("web")).corsRules().get(0).allowedMethods()).containsExactly("GET", "PUT");

    HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(tt.endpoint() + "/web/app.js"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://app.example.com")
        .header("Access-Control-Request-Method", "PUT").header("Access-Control-Request-Headers", "content-type, x-amz-meta-a")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("access-control-allow-origin")).hasValue("https://app.example.com");
    assertThat(ok.headers().firstValue("access-control-allow-methods")).hasValue("GET, PUT");
    assertThat(ok.headers().firstValue("access-control-max-age")).hasValue("600");

    HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(tt.endpoint() + "/web/app.js"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.test")
        .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("AccessForbidden");

    HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(tt.endpoint() + "/web/app.js"))
        .header("Origin", "https://app.example.com").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.headers().firstValue("access-control-allow-origin")).hasValue("https://app.example.com");
    assertThat(get.headers().firstValue("access-control-expose-headers")).hasValue("ETag");

    s3.deleteBucketCors(b -> b.bucket("web"));
    assertThatThrownBy(() -> s3.getBucketCors(b -> b.bucket("web"))).isInstanceOfSatisfying(S3Exception.class,
        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchCORSConfiguration"));
  }
}

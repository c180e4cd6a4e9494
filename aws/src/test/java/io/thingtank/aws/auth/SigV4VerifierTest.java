package io.thingtank.aws.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingtank.aws.AwsError;
import io.thingtank.aws.protocol.AwsHttpRequest;
import io.thingtank.core.ManualClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/** Requests signed by the AWS SDK for Java v2's own signer, verified by ours. */
class SigV4VerifierTest {
  static final String KEY = "AKIAEXAMPLEKEY000001";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  final ManualClock clock = new ManualClock(NOW.toEpochMilli());
  final SigV4Verifier verifier = new SigV4Verifier(id -> id.equals(KEY) ? SECRET : null, clock, false);

  @Test
  void acceptsHeaderSignedPostWithBody() {
    AwsHttpRequest req = signed("sqs", "/000000000000/my%20queue", "Action=SendMessage&MessageBody=h%C3%A9llo%20+x",
        "{\"QueueUrl\":\"x\"}", SECRET, false);
    SigV4Result r = verifier.verify(req, false);
    assertThat(r.accessKeyId()).isEqualTo(KEY);
    assertThat(r.credential().region()).isEqualTo("eu-west-1");
    assertThat(r.credential().service()).isEqualTo("sqs");
  }

  @Test
  void acceptsS3StyleSingleEncodedPath() {
    AwsHttpRequest req = signed("s3", "/bucket/a%20b/c%2Bd.txt", "tagging=", "data", SECRET, false);
    assertThat(verifier.verify(req, true).accessKeyId()).isEqualTo(KEY);
  }

  @Test
  void rejectsWrongSecret() {
    AwsHttpRequest req = signed("sqs", "/", null, "Action=ListQueues", "not-the-secret", false);
    assertThatThrownBy(() -> verifier.verify(req, false))
        .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
  }

  @Test
  void rejectsTamperedBody() {
    AwsHttpRequest req = signed("sqs", "/", null, "Action=ListQueues", SECRET, false);
    AwsHttpRequest tampered = new AwsHttpRequest(req.method(), req.rawPath(), req.rawQuery(), req.headers(),
        "Action=DeleteQueue".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> verifier.verify(tampered, false))
        .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
  }

  @Test
  void rejectsUnknownKey() {
    SigV4Verifier other = new SigV4Verifier(id -> null, clock, false);
    AwsHttpRequest req = signed("sqs", "/", null, "", SECRET, false);
    assertThatThrownBy(() -> other.verify(req, false))
        .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("InvalidClientTokenId"));
  }

  @Test
  void rejectsSkewBeyondFifteenMinutes() {
    AwsHttpRequest req = signed("sqs", "/", null, "", SECRET, false);
    clock.advance(Duration.ofMinutes(16).toMillis());
    assertThatThrownBy(() -> verifier.verify(req, false))
        .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("RequestExpired"));
    clock.set(NOW.toEpochMilli() + Duration.ofMinutes(14).toMillis());
    assertThat(verifier.verify(req, false).accessKeyId()).isEqualTo(KEY);
  }

  @Test
  void rejectsMalformedAuthorization() {
    AwsHttpRequest req = new AwsHttpRequest("GET", "/", null,
        headers(Map.of("authorization", "AWS4-HMAC-SHA256 Credential=abc", "x-amz-date", "20261124T120000Z")), new byte[0]);
    assertThatThrownBy(() -> verifier.verify(req, false))
        .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("IncompleteSignature"));
  }

  @Test
  void unsignedRequestIsAnonymous() {
    AwsHttpRequest req = new AwsHttpRequest("GET", "/", null, headers(Map.of("host", "localhost")), new byte[0]);
    assertThat(verifier.verify(req, false).anonymous()).isTrue();
  }

  @Test
  void acceptsPresignedUntilExpiry() {
    AwsHttpRequest req = signed("s3", "/bucket/key.bin", "versionId=3", "", SECRET, true);
    assertThat(verifier.verify(req, true).presigned()).isTrue();
    clock.advance(Duration.ofMinutes(6).toMillis());
    assertThatThrownBy(() -> verifier.verify(req, true))
        .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("AccessDenied"));
  }

  @Test
  void devModeAcceptsAnyWellFormedSignature() {
    SigV4Verifier dev = new SigV4Verifier(id -> null, clock, true);
    AwsHttpRequest req = signed("sqs", "/", null, "x", "whatever", false);
    assertThat(dev.verify(req, false).credential().service()).isEqualTo("sqs");
  }

  /** Signs with the SDK signer at NOW and converts to what our server would see. */
  private static AwsHttpRequest signed(String service, String encodedPath, String rawQuery, String body,
      String secret, boolean presign) {
    SdkHttpRequest.Builder b = SdkHttpRequest.builder().method(body.isEmpty() ? SdkHttpMethod.GET : SdkHttpMethod.POST)
        .uri(URI.create("http://localhost:4566" + encodedPath + (rawQuery == null ? "" : "?" + rawQuery)))
        .putHeader("Content-Type", "application/x-www-form-urlencoded");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    var signed = AwsV4HttpSigner.create().sign(r -> {
      r.identity(AwsCredentialsIdentity.create(KEY, secret)).request(b.build())
          .payload(ContentStreamProvider.fromByteArray(bytes))
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
          .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
          .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, !service.equals("s3"))
          .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, !service.equals("s3"))
          .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC));
      if (presign) {
        r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
            .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5))
            .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false);
      }
    });
    SdkHttpRequest s = signed.request();
    Map<String, List<String>> h = new TreeMap<>();
    s.forEachHeader((k, v) -> h.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
    h.putIfAbsent("host", List.of("localhost:4566"));
    String query = SdkHttpUtils.encodeAndFlattenQueryParameters(s.rawQueryParameters()).orElse(null);
    return new AwsHttpRequest(s.method().name(), s.encodedPath(), query, h, bytes);
  }

  private static Map<String, List<String>> headers(Map<String, String> m) {
    Map<String, List<String>> h = new TreeMap<>();
    m.forEach((k, v) -> h.put(k, List.of(v)));
    return h;
  }

  @Test
  void readsAmzDatesAndRefusesMalformedOnes() {
    assertThat(SigV4Verifier.parseAmzDate("20261124T120000Z")).isEqualTo(NOW.toEpochMilli());
    assertThat(SigV4Verifier.parseAmzDate("20240229T235959Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z").toEpochMilli());
    for (String bad : List.of("20261124T120000", "20261124 120000Z", "2026112T120000Z", "20261124T1200000Z",
        "2026-1124T120000Z", "20261324T120000Z", "20250229T120000Z", "20261124T240000Z", "20261124T12006aZ")) {
      assertThatThrownBy(() -> SigV4Verifier.parseAmzDate(bad)).as(bad).isInstanceOfSatisfying(AwsError.class,
          e -> assertThat(e.code()).isEqualTo("IncompleteSignature"));
    }
  }

  @Test
  void readsAuthorizationPartsWithOrWithoutSpaces() {
    for (String h : List.of("AWS4-HMAC-SHA256 Credential=K/20261124/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=ab12",
        "AWS4-HMAC-SHA256 Credential=K/20261124/us-east-1/s3/aws4_request,SignedHeaders=host;x-amz-date,Signature=ab12,",
        "AWS4-HMAC-SHA256  Other=x , Signature = ab12 ,SignedHeaders=host;x-amz-date , Credential=K/20261124/us-east-1/s3/aws4_request")) {
      SigV4Verifier.AuthorizationHeader a = SigV4Verifier.AuthorizationHeader.parse(h);
      assertThat(a.credential()).as(h).isEqualTo("K/20261124/us-east-1/s3/aws4_request");
      assertThat(a.signedHeaders()).as(h).isEqualTo("host;x-amz-date");
      assertThat(a.signature()).as(h).isEqualTo("ab12");
    }
  }
}

package io.thingtank.s3.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingtank.aws.AwsError;
import io.thingtank.s3.access.BucketPolicy.Decision;
import io.thingtank.s3.model.Acl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketPolicyTest {
  static final Principal ALICE = new Principal(new Acl.Owner("a".repeat(64), "alice"));

  static PolicyRequest request(String action, String resource, Principal who, Map<String, String> keys) {
    return new PolicyRequest(action, resource, who, k -> keys.containsKey(k) ? List.of(keys.get(k)) : null);
  }

  static BucketPolicy policy(String statement) {
    return BucketPolicy.parse("{\"Statement\": [" + statement + "]}");
  }

  static final String GET = "\"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"";

  @Test void stringOperatorsAndIfExists() {
    BucketPolicy p = policy("{\"Effect\": \"Allow\", \"Principal\": \"*\", " + GET + ", \"Condition\": {"
        + "\"StringEquals\": {\"aws:Referer\": [\"https://a.example\", \"https://b.example\"]},"
        + "\"StringNotLikeIfExists\": {\"aws:UserAgent\": \"*bot*\"}}}");
    assertThat(p.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k", Principal.ANONYMOUS,
        Map.of("aws:referer", "https://b.example")))).isEqualTo(Decision.ALLOW);
    assertThat(p.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k", Principal.ANONYMOUS,
        Map.of("aws:referer", "https://b.example", "aws:useragent", "crawlbot/1")))).isEqualTo(Decision.NONE);
    assertThat(p.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k", Principal.ANONYMOUS, Map.of())))
        .as("absent key: positive operator is false").isEqualTo(Decision.NONE);
  }

  @Test void numericDateIpAndNull() {
    BucketPolicy p = policy("{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:ListBucket\","
        + " \"Resource\": \"arn:aws:s3:::b\", \"Condition\": {\"NumericGreaterThan\": {\"s3:max-keys\": \"100\"}}}");
    assertThat(p.evaluate(request("s3:ListBucket", "arn:aws:s3:::b", ALICE, Map.of("s3:max-keys", "101"))))
        .isEqualTo(Decision.DENY);
    assertThat(p.evaluate(request("s3:ListBucket", "arn:aws:s3:::b", ALICE, Map.of("s3:max-keys", "100"))))
        .isEqualTo(Decision.NONE);
    BucketPolicy ip = policy("{\"Effect\": \"Deny\", \"Principal\": \"*\", " + GET
        + ", \"Condition\": {\"NotIpAddress\": {\"aws:SourceIp\": [\"192.168.0.0/16\", \"::1/128\"]},"
        + " \"DateGreaterThan\": {\"aws:CurrentTime\": \"2020-01-01T00:00:00Z\"}, \"Null\": {\"aws:Referer\": \"true\"}}}");
    assertThat(ip.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k", ALICE,
        Map.of("aws:sourceip", "10.1.2.3", "aws:currenttime", "2026-01-01T00:00:00Z")))).isEqualTo(Decision.DENY);
    assertThat(ip.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k", ALICE,
        Map.of("aws:sourceip", "192.168.7.9", "aws:currenttime", "2026-01-01T00:00:00Z")))).isEqualTo(Decision.NONE);
    assertThat(ip.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k", ALICE,
        Map.of("aws:sourceip", "10.1.2.3", "aws:currenttime", "2019-01-01T00:00:00Z")))).isEqualTo(Decision.NONE);
    assertThat(ip.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k", ALICE,
        Map.of("aws:sourceip", "10.1.2.3", "aws:currenttime", "2026-01-01T00:00:00Z", "aws:referer", "x"))))
        .as("Null: true requires the key to be absent").isEqualTo(Decision.NONE);
  }

  @Test void negatedElementsAndPrincipals() {
    BucketPolicy p = policy("{\"Effect\": \"Deny\", \"NotPrincipal\": {\"CanonicalUser\": \"" + ALICE.id() + "\"},"
        + " \"NotAction\": \"s3:List*\", \"NotResource\": \"arn:aws:s3:::b/public/*\"}");
    assertThat(p.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k", Principal.ANONYMOUS, Map.of()))).isEqualTo(Decision.DENY);
    assertThat(p.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k", ALICE, Map.of()))).isEqualTo(Decision.NONE);
    assertThat(p.evaluate(request("s3:ListBucket", "arn:aws:s3:::b", Principal.ANONYMOUS, Map.of()))).isEqualTo(Decision.NONE);
    assertThat(p.evaluate(request("s3:GetObject", "arn:aws:s3:::b/public/x", Principal.ANONYMOUS, Map.of())))
        .isEqualTo(Decision.NONE);
    BucketPolicy signed = policy("{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}, " + GET + "}");
    assertThat(signed.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k", ALICE, Map.of()))).isEqualTo(Decision.ALLOW);
    assertThat(signed.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k", Principal.ANONYMOUS, Map.of())))
        .isEqualTo(Decision.NONE);
    assertThat(signed.isPublic()).isFalse();
  }

  @Test void publicMeansAnyoneWithoutASourceCondition() {
    assertThat(policy("{\"Effect\": \"Allow\", \"Principal\": \"*\", " + GET + "}").isPublic()).isTrue();
    assertThat(policy("{\"Effect\": \"Allow\", \"Principal\": \"*\", " + GET
        + ", \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}}").isPublic()).isFalse();
    assertThat(policy("{\"Effect\": \"Deny\", \"Principal\": \"*\", " + GET + "}").isPublic()).isFalse();
  }

  @Test void unknownOperatorIsMalformedPolicy() {
    assertThatThrownBy(() -> policy("{\"Effect\": \"Allow\", \"NotPrincipal\": {\"AWS\": \"*\"}, " + GET + "}"))
        .as("IAM refuses Allow with NotPrincipal").isInstanceOf(AwsError.class);
    for (String op : List.of("StringEqualz", "ForSomeValues:StringEquals", "NullIfExists")) {
      assertThatThrownBy(() -> policy("{\"Effect\": \"Allow\", \"Principal\": \"*\", " + GET + ", \"Condition\": {\""
          + op + "\": {\"s3:prefix\": \"a\"}}}")).isInstanceOfSatisfying(AwsError.class,
          e -> assertThat(e.code()).isEqualTo("MalformedPolicy"));
    }
  }
}

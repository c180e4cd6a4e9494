package io.thingtank.s3.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingtank.aws.AwsError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** POST policies signed the legacy (SigV2) way, as ceph/s3-tests and boto3's default presigned POST sign them. */
class PostPolicyTest {
  private static final long NOW = 1_700_000_000_000L;

  @Test void aSignedPolicyCoveringEveryFieldPasses() throws Exception {
    Map<String, String> form = form("{\"expiration\":\"2030-01-01T00:00:00Z\",\"conditions\":[{\"bucket\":\"b\"},"
        + "[\"starts-with\",\"$key\",\"foo\"],[\"content-length-range\",0,3]]}", "foo.txt");
    PostPolicy policy = PostPolicy.verify(form, id -> "secret", NOW);
    policy.check(form, "b");
    assertThat(policy.signer()).isEqualTo("AKID");
    assertThatThrownBy(() -> policy.checkLength(4)).isInstanceOfSatisfying(AwsError.class,
        e -> assertThat(e.code()).isEqualTo("EntityTooLarge"));
  }

  @Test void aPolicyWithoutItsConditionsListIsInvalid() throws Exception {
    for (String doc : new String[] {"{\"expiration\":\"2030-01-01T00:00:00Z\"}",
        "{\"expiration\":\"2030-01-01T00:00:00Z\",\"CONDITIONS\":[{\"bucket\":\"b\"}]}"}) {
      assertThatThrownBy(() -> PostPolicy.verify(form(doc, "foo.txt"), id -> "secret", NOW))
          .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("InvalidPolicyDocument"));
    }
  }

  @Test void anEmptyConditionIsInvalidAndAnUncoveredFieldIsDenied() throws Exception {
    Map<String, String> empty = form("{\"expiration\":\"2030-01-01T00:00:00Z\",\"conditions\":[{}]}", "foo.txt");
    assertThatThrownBy(() -> PostPolicy.verify(empty, id -> "secret", NOW).check(empty, "b"))
        .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("InvalidPolicyDocument"));
    Map<String, String> uncovered = form("{\"expiration\":\"2030-01-01T00:00:00Z\",\"conditions\":[{\"bucket\":\"b\"}]}",
        "foo.txt");
    assertThatThrownBy(() -> PostPolicy.verify(uncovered, id -> "secret", NOW).check(uncovered, "b"))
        .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.status()).isEqualTo(403));
  }

  @Test void aWrongSignatureIsRefused() throws Exception {
    Map<String, String> form = form("{\"expiration\":\"2030-01-01T00:00:00Z\",\"conditions\":[]}", "foo.txt");
    assertThatThrownBy(() -> PostPolicy.verify(form, id -> "other", NOW))
        .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
  }

  /** The lower-cased form fields of a SigV2-signed POST with {@code key}. */
  private static Map<String, String> form(String policyJson, String key) throws Exception {
    String policy = Base64.getEncoder().encodeToString(policyJson.getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec("secret".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    Map<String, String> form = new HashMap<>();
    form.put("key", key);
    form.put("policy", policy);
    form.put("awsaccesskeyid", "AKID");
    form.put("signature", Base64.getEncoder().encodeToString(mac.doFinal(policy.getBytes(StandardCharsets.UTF_8))));
    return form;
  }
}

package io.thingtank.s3.access;

import io.thingtank.aws.protocol.AwsHttpRequest;
import io.thingtank.s3.wire.HttpDates;
import io.thingtank.s3.wire.S3Call;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A request as a bucket policy sees it: the IAM action and resource ARN, the caller, and the
 * condition keys (S3 User Guide, "Policy condition keys for Amazon S3"; IAM User Guide, "AWS
 * global condition context keys"). {@code context} answers a lower-case key with its values, or
 * null when the request has no such key.
 */
public record PolicyRequest(String action, String resource, Principal principal,
    Function<String, List<String>> context) {

  /** {@code objectTags} gives the addressed object's tags (s3:ExistingObjectTag), read only when asked. */
  public static PolicyRequest of(S3Call call, String action, String resource, Principal who,
      Supplier<Map<String, String>> objectTags) {
    return new PolicyRequest(action, resource, who, key -> one(value(call, who, objectTags, key)));
  }

  private static List<String> one(String v) { return v == null ? null : List.of(v); }

  private static String value(S3Call call, Principal who, Supplier<Map<String, String>> objectTags, String key) {
    if (key.startsWith("s3:existingobjecttag/")) {
      Map<String, String> tags = objectTags.get();
      return tags == null ? null : tags.get(key.substring("s3:existingobjecttag/".length()));
    }
    if (key.startsWith("s3:requestobjecttag/")) {
      String tagging = call.header("x-amz-tagging");
      if (tagging == null) return null;
      List<String> v = AwsHttpRequest.parseForm(tagging).get(key.substring("s3:requestobjecttag/".length()));
      return v == null || v.isEmpty() ? null : v.get(0);
    }
    if (key.startsWith("s3:x-amz-")) return call.header(key.substring(3));
    return switch (key) {
      case "aws:sourceip" -> call.http().remoteAddress() == null ? null : call.http().remoteAddress().hostAddress();
      case "aws:securetransport" -> String.valueOf(call.http().isSSL());
      case "aws:currenttime" -> HttpDates.iso(call.receivedMillis());
      case "aws:epochtime" -> String.valueOf(call.receivedMillis() / 1000);
      case "aws:referer" -> call.header("referer");
      case "aws:useragent" -> call.header("user-agent");
      case "aws:principaltype" -> who.anonymous() ? "Anonymous" : "Account";
      case "aws:userid", "aws:username" -> who.anonymous() ? null : who.user().displayName();
      case "s3:prefix", "s3:delimiter", "s3:max-keys" -> call.param(key.substring(3));
      case "s3:versionid" -> call.param("versionId");
      case "s3:signatureversion" -> who.anonymous() ? null : "AWS4-HMAC-SHA256";
      case "s3:authtype" -> who.anonymous() ? null : call.auth().presigned() ? "REST-QUERY-STRING" : "REST-HEADER";
      default -> null;
    };
  }

  /** The values of a condition key (any case), or null. */
  public List<String> values(String key) { return context.apply(key.toLowerCase(Locale.ROOT)); }
}

package io.thingtank.s3.handler;

import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.wire.HttpDates;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.aws.protocol.AwsHttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The object headers S3 stores and returns (S3 API Reference, PutObject / GetObject): content
 * headers, {@code x-amz-meta-*} user metadata, storage class, tags; and the response headers
 * of GET and HEAD.
 */
final class ObjectHeaders {
  static final List<String> CONTENT = List.of("content-type", "content-encoding", "content-disposition",
      "content-language", "cache-control", "expires");
  private static final int MAX_USER_METADATA = 2048;

  private ObjectHeaders() {}

  static Map<String, String> content(S3Call call) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String h : CONTENT) {
      String v = call.header(h);
      if (h.equals("content-encoding") && v != null) v = stripAwsChunked(v);
      if (v != null && !v.isEmpty()) out.put(h, v);
    }
    return out;
  }

  private static String stripAwsChunked(String v) {
    if (!v.toLowerCase(Locale.ROOT).contains("aws-chunked")) return v;
    StringBuilder b = new StringBuilder();
    for (String part : v.split(",")) {
      String p = part.trim();
      if (p.isEmpty() || p.equalsIgnoreCase("aws-chunked")) continue;
      if (b.length() > 0) b.append(',');
      b.append(p);
    }
    return b.toString();
  }

  static Map<String, String> userMetadata(S3Call call) {
    Map<String, String> out = new TreeMap<>();
    int size = 0;
    for (Map.Entry<String, String> e : call.http().headers()) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith("x-amz-meta-")) {
        String k = name.substring("x-amz-meta-".length());
        out.merge(k, e.getValue(), (a, b) -> a + "," + b);
        size += k.length() + e.getValue().length();
      }
    }
    if (size > MAX_USER_METADATA) {
      throw new io.thingtank.aws.AwsError("MetadataTooLarge",
          "Your metadata headers exceed the maximum allowed metadata size.", 400);
    }
    return out;
  }

  static Map<String, String> tags(String header) {
    Map<String, String> out = new LinkedHashMap<>();
    if (header == null || header.isEmpty()) return out;
    AwsHttpRequest.parseForm(header).forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0)));
    if (out.size() > 10) throw S3Errors.invalidArgument("Object tags cannot be greater than 10");
    return out;
  }

  static String storageClass(S3Call call) {
    String s = call.header("x-amz-storage-class");
    return s == null ? "STANDARD" : s;
  }

  static void checkKey(String key) {
    if (key.getBytes(StandardCharsets.UTF_8).length > 1024) throw S3Errors.keyTooLong();
    // Version rows end the key with 0x00 (store.VersionKeys).
    if (key.indexOf(0) >= 0) throw S3Errors.invalidArgument("Object key must not contain U+0000");
  }

  /** Headers common to GET and HEAD responses. */
  static void describe(S3Response r, ObjectMeta m, S3Call call) {
    r.header("last-modified", HttpDates.http(m.lastModifiedMillis())).header("etag", m.quotedEtag())
        .header("accept-ranges", "bytes").header("content-type", m.contentType());
    m.contentHeaders().forEach((k, v) -> { if (!k.equals("content-type")) r.header(k, v); });
    m.userMetadata().forEach((k, v) -> r.header("x-amz-meta-" + k, v));
    if (!"STANDARD".equals(m.storageClass())) r.header("x-amz-storage-class", m.storageClass());
    if (m.tags() != null && !m.tags().isEmpty()) r.header("x-amz-tagging-count", m.tags().size());
    r.header("x-amz-version-id", m.versionId());
    for (String h : CONTENT) {
      String override = call.param("response-" + h);
      if (override != null) r.header(h, override);
    }
  }
}

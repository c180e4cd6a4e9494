package io.thingtank.s3.wire;

import io.thingtank.aws.AwsErrors;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Path-style ({@code /bucket/key}) and virtual-hosted-style ({@code bucket.s3.localhost/key},
 * {@code bucket.localhost/key}, {@code bucket.<configured domain>/key}) addressing (S3 User Guide,
 * "Virtual hosting of buckets"). Immutable.
 */
public final class S3Addressing {
  private final List<String> domains;

  /** {@code domains}: host suffixes under which the first label is a bucket, e.g. {@code s3.localhost}. */
  public S3Addressing(List<String> domains) { this.domains = List.copyOf(domains); }

  public S3Address resolve(String hostHeader, String rawPath) {
    String path = decodePath(rawPath);
    String bucket = virtualBucket(hostHeader);
    if (bucket != null) {
      String key = path.length() > 1 ? path.substring(1) : null;
      return new S3Address(bucket, key, true);
    }
    if (path.length() <= 1) return new S3Address(null, null, false);
    int slash = path.indexOf('/', 1);
    if (slash < 0) return new S3Address(path.substring(1), null, false);
    String key = path.substring(slash + 1);
    return new S3Address(path.substring(1, slash), key.isEmpty() ? null : key, false);
  }

  private String virtualBucket(String hostHeader) {
    if (hostHeader == null) return null;
    String host = hostHeader.toLowerCase(Locale.ROOT);
    int colon = host.lastIndexOf(':');
    if (colon > 0 && host.indexOf(']') < colon) host = host.substring(0, colon);
    if (domains.contains(host)) return null;
    for (String domain : domains) {
      if (host.endsWith("." + domain)) {
        String label = host.substring(0, host.length() - domain.length() - 1);
        return label.isEmpty() ? null : label;
      }
    }
    return null;
  }

  /** Percent-decodes the path; '+' stays a plus (paths are not form-encoded). */
  static String decodePath(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw AwsErrors.invalidParameterValue("malformed percent-encoding in the path");
    }
  }
}
